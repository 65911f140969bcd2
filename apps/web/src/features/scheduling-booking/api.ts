import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type BookingInput,
  type BookingSlots,
  type BookingView,
  bookingPageSchema,
  bookingSlotsSchema,
  bookingViewSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../lib/api-client';

const base = '/api/public/booking';
const enc = encodeURIComponent;

/** The visitor's IANA time zone (the browser's), UTC when unknown. */
export const visitorZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

export function useBookingPage(tenantSlug: string, typeSlug: string) {
  return useQuery({
    queryKey: ['public-booking', tenantSlug, typeSlug],
    queryFn: ({ signal }) =>
      api.get(`${base}/${enc(tenantSlug)}/${enc(typeSlug)}`, { schema: bookingPageSchema, signal }),
    retry: false,
  });
}

/** Free times by day: of the page's type, or (with a manage token) those the booking can move to. */
export function useSlots(source: { page: string } | { token: string }, timeZone: string) {
  const path =
    'page' in source ? `${base}/${source.page}/slots` : `${base}/manage/${enc(source.token)}/slots`;
  return useQuery<BookingSlots>({
    queryKey: ['public-booking-slots', path, timeZone],
    queryFn: ({ signal }) =>
      api.get(path, { query: { timeZone, days: 14 }, schema: bookingSlotsSchema, signal }),
    retry: false,
  });
}

const bookedSchema = z.object({
  token: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
});
export type Booked = z.infer<typeof bookedSchema>;

export function useBook(tenantSlug: string, typeSlug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: BookingInput) =>
      api.post(`${base}/${enc(tenantSlug)}/${enc(typeSlug)}`, input, { schema: bookedSchema }),
    onSettled: () => client.invalidateQueries({ queryKey: ['public-booking-slots'] }),
  });
}

export function useBookingView(token: string) {
  return useQuery<BookingView>({
    queryKey: ['public-booking-view', token],
    queryFn: ({ signal }) => api.get(`${base}/manage/${enc(token)}`, { schema: bookingViewSchema, signal }),
    retry: false,
  });
}

export function useManageAction(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (action: { kind: 'cancel' } | { kind: 'reschedule'; startsAt: string }) =>
      api.post(
        `${base}/manage/${enc(token)}/${action.kind}`,
        action.kind === 'cancel' ? {} : { startsAt: action.startsAt },
        { schema: bookingViewSchema },
      ),
    onSuccess: (view) => {
      client.setQueryData(['public-booking-view', token], view);
      void client.invalidateQueries({ queryKey: ['public-booking-slots'] });
    },
  });
}

/** "Mon 7 Dec" / "09:00 – 10:00" in the visitor's zone. */
export const dayLabel = (date: string) =>
  new Intl.DateTimeFormat(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
export const whenLabel = (startsAt: string, timeZone: string) =>
  new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
    new Date(startsAt),
  );
