import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextareaField, TextField } from '../../../components/ui/form-field';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { isApiClientError } from '../../../lib/api-error';
import { serverFieldErrors } from '../../../lib/form-errors';
import { type Booked, useBook, useBookingPage, useSlots, visitorZone, whenLabel } from '../api';
import { Loading, PublicCard } from './public-card';
import { SlotPicker } from './slot-picker';

const FIELDS = ['name', 'email', 'phone', 'address', 'postalCode', 'notes', 'startsAt', 'website'];

/** `/book/:tenantSlug/:typeSlug`: pick a day and a time (in the visitor's zone), enter the details, done. */
export function BookPage() {
  const { tenantSlug = '', typeSlug = '' } = useParams();
  const page = useBookingPage(tenantSlug, typeSlug);
  const zone = visitorZone();
  const slots = useSlots({ page: `${encodeURIComponent(tenantSlug)}/${encodeURIComponent(typeSlug)}` }, zone);
  const book = useBook(tenantSlug, typeSlug);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  const [booked, setBooked] = useState<Booked | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useDocumentTitle(page.data ? `Book: ${page.data.type.name}` : 'Book an appointment');

  if (page.isPending) return <Loading label="Loading the booking page…" />;
  if (page.error)
    return isApiClientError(page.error) && page.error.status === 404 ? (
      <PublicCard title="Booking page not found">
        <Alert tone="warning" title="This booking page does not exist">
          Check the link you were given.
        </Alert>
      </PublicCard>
    ) : (
      <ErrorAlert error={page.error} onRetry={() => void page.refetch()} />
    );
  const { company, type } = page.data;

  if (booked)
    return (
      <PublicCard title="You are booked" subtitle={company}>
        <div data-testid="booking-confirmed" className="space-y-3 text-sm">
          <p>
            <strong>{type.name}</strong> on <strong>{whenLabel(booked.startsAt, zone)}</strong>.
          </p>
          <p>We have sent a confirmation with a calendar file to your e-mail address.</p>
          <Link
            className="font-medium text-indigo-600 underline dark:text-indigo-400"
            to={`/booking/${booked.token}`}
          >
            View, cancel or reschedule
          </Link>
        </div>
      </PublicCard>
    );

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!startsAt) return setErrors({ startsAt: 'Pick a time first' });
    const form = new FormData(e.currentTarget);
    const text = (k: string) => {
      const v = String(form.get(k) ?? '').trim();
      return v === '' ? undefined : v;
    };
    setErrors({});
    book.mutate(
      {
        name: text('name') ?? '',
        email: text('email') ?? '',
        phone: text('phone') ?? '',
        address: text('address'),
        postalCode: text('postalCode'),
        notes: text('notes'),
        website: text('website'),
        startsAt,
        timeZone: zone,
      },
      {
        onSuccess: setBooked,
        onError: (err) => {
          setErrors(serverFieldErrors(err, FIELDS).errors);
          if (isApiClientError(err) && err.status === 409) setStartsAt(null);
        },
      },
    );
  };
  const generalError =
    book.error && Object.keys(errors).length === 0 ? <ErrorAlert error={book.error} /> : null;

  return (
    <PublicCard
      title={type.name}
      subtitle={
        <>
          {company} · {type.durationMinutes} min{type.description ? <> · {type.description}</> : null}
        </>
      }
    >
      <form onSubmit={submit} noValidate className="space-y-5">
        {slots.isPending ? (
          <Loading label="Loading free times…" />
        ) : slots.error ? (
          <ErrorAlert error={slots.error} onRetry={() => void slots.refetch()} />
        ) : (
          <SlotPicker slots={slots.data} value={startsAt} onChange={setStartsAt} />
        )}
        {errors.startsAt ? <p className="text-sm text-red-600">{errors.startsAt}</p> : null}
        <TextField name="name" label="Name" autoComplete="name" required error={errors.name} />
        <TextField
          name="email"
          type="email"
          label="E-mail"
          autoComplete="email"
          required
          error={errors.email}
        />
        <TextField name="phone" type="tel" label="Phone" autoComplete="tel" required error={errors.phone} />
        <TextField
          name="address"
          label={type.locationKind === 'on_site' ? 'Address (where we meet you)' : 'Address (optional)'}
          autoComplete="street-address"
          error={errors.address}
        />
        <TextField
          name="postalCode"
          label="Postal code (optional)"
          autoComplete="postal-code"
          error={errors.postalCode}
        />
        <TextareaField
          name="notes"
          label="Anything we should know? (optional)"
          rows={3}
          error={errors.notes}
        />
        <div aria-hidden="true" className="absolute -left-[9999px] h-0 w-0 overflow-hidden">
          <label>
            Website
            <input name="website" tabIndex={-1} autoComplete="off" />
          </label>
        </div>
        {generalError}
        <Button type="submit" variant="primary" className="w-full py-3" disabled={book.isPending}>
          {book.isPending ? 'Booking…' : startsAt ? `Book ${whenLabel(startsAt, zone)}` : 'Book'}
        </Button>
      </form>
    </PublicCard>
  );
}
