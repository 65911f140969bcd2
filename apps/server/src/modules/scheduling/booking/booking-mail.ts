import type { Tx } from '../../../platform/db/index.ts';
import { queueMail, SEND_MAIL_JOB } from '../../../platform/mail/index.ts';
import type { AppointmentRow } from '../appointments/appointment-record.ts';
import { type IcsEvent, icsUid, toIcs } from '../calendar/ics.ts';
import type { BookingDeps } from './booking-deps.ts';
import { bookingToken, manageUrl } from './booking-link.ts';

/** A visitor's booking as the e-mails need it. */
export interface BookingMailFacts {
  company: string;
  typeName: string;
  name: string;
  email: string;
  timeZone: string;
  location: string | null;
}

/** One formatter per zone: building an Intl.DateTimeFormat costs far more than formatting with it. */
const whenFormats = new Map<string, Intl.DateTimeFormat>();
const whenFormat = (timeZone: string) => {
  let f = whenFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'full', timeStyle: 'short' });
    if (whenFormats.size > 1_000) whenFormats.clear();
    whenFormats.set(timeZone, f);
  }
  return f;
};

/** "Monday, 7 December 2026, 09:00 (Europe/Berlin)": an instant in the visitor's zone. */
export const localWhen = (at: Date, timeZone: string) => `${whenFormat(timeZone).format(at)} (${timeZone})`;

const LOCATIONS: Record<string, string> = {
  on_site: 'At your address',
  office: 'At our office',
  phone: 'By phone',
  video: 'Video call',
};

export const icsEvent = (
  row: AppointmentRow,
  facts: Pick<BookingMailFacts, 'company' | 'typeName' | 'location'>,
  status: IcsEvent['status'],
  url?: string,
): IcsEvent => ({
  uid: icsUid(row.id),
  sequence: row.version,
  start: row.startsAt,
  end: row.endsAt,
  summary: `${facts.typeName} — ${facts.company}`,
  description: url ? `Manage your booking: ${url}` : undefined,
  location: facts.location ?? LOCATIONS[row.locationKind] ?? null,
  status,
  url,
});

type Kind = 'booked' | 'rescheduled' | 'cancelled';
const SUBJECTS: Record<Kind, string> = {
  booked: 'Your appointment is booked',
  rescheduled: 'Your appointment was moved',
  cancelled: 'Your appointment is cancelled',
};

/**
 * Queues the visitor's e-mail about a booking (confirmation, new time, cancellation) in the caller's
 * transaction, with the appointment as an `.ics` attachment and — while it is active — the signed links to
 * view, cancel or reschedule it. Delivery starts after commit (`mail.send`). Returns the manage token.
 */
export const queueBookingMail = async (
  t: Tx,
  deps: Pick<BookingDeps, 'secret' | 'appUrl' | 'sendJob'>,
  afterCommit: (fn: () => Promise<unknown>) => void,
  input: { kind: Kind; row: AppointmentRow; facts: BookingMailFacts },
) => {
  const { kind, row, facts } = input;
  const token = bookingToken(deps.secret, row);
  const view = manageUrl(deps.appUrl, token);
  const active = kind !== 'cancelled';
  const lines = [
    `Hello ${facts.name},`,
    '',
    kind === 'cancelled'
      ? `your ${facts.typeName} with ${facts.company} on ${localWhen(row.startsAt, facts.timeZone)} is cancelled.`
      : `your ${facts.typeName} with ${facts.company} is ${kind === 'booked' ? 'booked' : 'moved'}:`,
    ...(active
      ? [
          '',
          `When: ${localWhen(row.startsAt, facts.timeZone)}`,
          `Where: ${facts.location ?? LOCATIONS[row.locationKind] ?? ''}`,
          '',
          `View your booking: ${view}`,
          `Cancel: ${manageUrl(deps.appUrl, token, 'cancel')}`,
          `Reschedule: ${manageUrl(deps.appUrl, token, 'reschedule')}`,
          '',
          'The attached calendar file adds it to your calendar.',
        ]
      : []),
    '',
    facts.company,
  ];
  const ics = toIcs([icsEvent(row, facts, active ? 'CONFIRMED' : 'CANCELLED', active ? view : undefined)], {
    method: active ? 'REQUEST' : 'CANCEL',
  });
  const id = await queueMail(t, {
    to: facts.email,
    subject: `${SUBJECTS[kind]}: ${facts.typeName}, ${localWhen(row.startsAt, facts.timeZone)}`,
    text: lines.join('\n'),
    tenantRef: row.tenantId,
    attachments: [
      {
        filename: 'appointment.ics',
        contentType: `text/calendar; charset=utf-8; method=${active ? 'REQUEST' : 'CANCEL'}`,
        content: new TextEncoder().encode(ics),
      },
    ],
  });
  afterCommit(async () => deps.sendJob?.(SEND_MAIL_JOB, { id }));
  return token;
};
