/**
 * iCalendar (RFC 5545) text for appointments: the `.ics` attached to booking e-mails (METHOD:REQUEST, or CANCEL)
 * and the agents' calendar feeds (PUBLISH). Times are UTC (`…Z`), so no VTIMEZONE is needed; text is escaped
 * and lines are folded at 75 octets; lines end with CRLF.
 */
export interface IcsEvent {
  uid: string;
  /** Increases with every change (the appointment's version), so calendars replace the older copy. */
  sequence: number;
  start: Date;
  end: Date;
  summary: string;
  description?: string;
  location?: string | null;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  url?: string;
}

const escapeText = (v: string) =>
  v.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');

const stamp = (d: Date) => `${d.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;

/** Folds a content line into chunks of at most 75 octets (continuations start with a space). */
const fold = (line: string) => {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const out: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    const limit = out.length === 0 ? 75 : 74;
    if (size + n > limit) {
      out.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  out.push(current);
  return out.join('\r\n ');
};

const eventLines = (e: IcsEvent, now: Date) => [
  'BEGIN:VEVENT',
  `UID:${e.uid}`,
  `SEQUENCE:${e.sequence}`,
  `DTSTAMP:${stamp(now)}`,
  `DTSTART:${stamp(e.start)}`,
  `DTEND:${stamp(e.end)}`,
  `SUMMARY:${escapeText(e.summary)}`,
  ...(e.description ? [`DESCRIPTION:${escapeText(e.description)}`] : []),
  ...(e.location ? [`LOCATION:${escapeText(e.location)}`] : []),
  ...(e.url ? [`URL:${e.url}`] : []),
  `STATUS:${e.status}`,
  'END:VEVENT',
];

/** A calendar of events; `name` becomes the calendar's display name (feeds). */
export const toIcs = (
  events: readonly IcsEvent[],
  opts: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; name?: string; now?: Date },
): string => {
  const now = opts.now ?? new Date();
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Tessera//Scheduling//EN',
    'CALSCALE:GREGORIAN',
    `METHOD:${opts.method}`,
    ...(opts.name ? [`X-WR-CALNAME:${escapeText(opts.name)}`] : []),
    ...events.flatMap((e) => eventLines(e, now)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
};

export const icsUid = (appointmentId: string) => `${appointmentId}@tessera`;
