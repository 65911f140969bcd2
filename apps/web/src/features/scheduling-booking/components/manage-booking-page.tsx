import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { isApiClientError } from '../../../lib/api-error';
import { useBookingView, useManageAction, useSlots, visitorZone, whenLabel } from '../api';
import { Loading, PublicCard } from './public-card';
import { SlotPicker } from './slot-picker';

const STATUS: Record<string, string> = {
  scheduled: 'Booked',
  confirmed: 'Confirmed',
  cancelled: 'Cancelled',
  completed: 'Took place',
  no_show: 'Missed',
};

function Reschedule({ token, onDone }: { token: string; onDone: () => void }) {
  const slots = useSlots({ token }, visitorZone());
  const action = useManageAction(token);
  const [startsAt, setStartsAt] = useState<string | null>(null);
  if (slots.isPending) return <Loading label="Loading free times…" />;
  if (slots.error) return <ErrorAlert error={slots.error} onRetry={() => void slots.refetch()} />;
  return (
    <div className="space-y-4">
      <SlotPicker slots={slots.data} value={startsAt} onChange={setStartsAt} />
      {action.error ? <ErrorAlert error={action.error} /> : null}
      <Button
        variant="primary"
        className="w-full py-3"
        disabled={!startsAt || action.isPending}
        onClick={() => startsAt && action.mutate({ kind: 'reschedule', startsAt }, { onSuccess: onDone })}
      >
        {action.isPending ? 'Moving…' : 'Move my appointment here'}
      </Button>
    </div>
  );
}

/** `/booking/:token`: the visitor's booking behind the signed link — view, cancel, reschedule. */
export function ManageBookingPage() {
  const { token = '' } = useParams();
  const [search] = useSearchParams();
  const [mode, setMode] = useState(search.get('action') === 'reschedule' ? 'reschedule' : 'view');
  const view = useBookingView(token);
  const action = useManageAction(token);
  useDocumentTitle('Your booking');

  if (view.isPending) return <Loading label="Loading your booking…" />;
  if (view.error)
    return isApiClientError(view.error) && view.error.status === 404 ? (
      <PublicCard title="Booking not found">
        <Alert tone="warning" title="This booking link is not valid or has expired">
          Use the link from your latest confirmation e-mail.
        </Alert>
      </PublicCard>
    ) : (
      <ErrorAlert error={view.error} onRetry={() => void view.refetch()} />
    );
  const b = view.data;
  // After a reschedule the server issues a new link: keep the address bar on the current one.
  if (b.token !== token) window.history.replaceState(null, '', `/booking/${b.token}`);
  return (
    <PublicCard title={b.typeName} subtitle={b.company}>
      <div className="space-y-4 text-sm" data-testid="booking-view">
        <p>
          <span className="font-medium">{STATUS[b.status] ?? b.status}:</span>{' '}
          {whenLabel(b.startsAt, b.timeZone)}
        </p>
        <p className="text-zinc-600 dark:text-zinc-400">
          For {b.name} ({b.email})
        </p>
        {action.error ? <ErrorAlert error={action.error} /> : null}
        {!b.changeable ? null : mode === 'reschedule' ? (
          <Reschedule token={b.token} onDone={() => setMode('view')} />
        ) : (
          <div className="flex flex-col gap-2 sm:flex-row">
            <Button variant="primary" className="py-3" onClick={() => setMode('reschedule')}>
              Reschedule
            </Button>
            <Button
              variant="danger"
              className="py-3"
              disabled={action.isPending}
              onClick={() => {
                if (window.confirm('Cancel this appointment?')) action.mutate({ kind: 'cancel' });
              }}
            >
              {search.get('action') === 'cancel' ? 'Yes, cancel my appointment' : 'Cancel appointment'}
            </Button>
          </div>
        )}
      </div>
    </PublicCard>
  );
}
