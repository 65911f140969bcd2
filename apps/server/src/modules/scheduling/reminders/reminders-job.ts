import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import { z } from 'zod';
import { type Database, type Tx, withTenant } from '../../../platform/db/index.ts';
import { defineJob } from '../../../platform/jobs/index.ts';
import { queueMail } from '../../../platform/mail/index.ts';
import { contacts, leads } from '../../crm/index.ts';
import { memberContacts, tenants } from '../../identity/index.ts';
import { appointments } from '../appointments/appointments.tables.ts';
import { schedulingBookings } from '../booking/booking.tables.ts';
import { bookingToken, manageUrl } from '../booking/booking-link.ts';
import { localWhen } from '../booking/booking-mail.ts';
import { appointmentTypes } from '../types/appointment-types.tables.ts';
import { appointmentReminders } from './reminders.tables.ts';

const HOUR = 3_600_000;
/** Lead times, longest first: a reminder is due from `start − before` until the next shorter one is. */
const KINDS = [
  { kind: '24h', before: 24 * HOUR, label: 'tomorrow' },
  { kind: '1h', before: HOUR, label: 'in one hour' },
] as const;

/** Which reminder is due now for an appointment (none when it was booked after that reminder's time). */
export const dueKind = (start: number, createdAt: number, now: number) => {
  for (const [i, k] of KINDS.entries()) {
    const next = KINDS[i + 1];
    const from = start - k.before;
    const until = next ? start - next.before : start;
    if (now >= from && now < until && createdAt <= from) return k;
  }
  return undefined;
};

export interface ReminderLinks {
  secret: string;
  appUrl: string;
}

/**
 * One tenant's pass: every active appointment starting within 24 hours gets the reminder now due (24 h or
 * 1 h before) to the customer (the booking's e-mail, else the lead's or contact's) and to the agent, once each —
 * the `appointment_reminders` row and the e-mail are written together and the row's unique key refuses a
 * second one, so a retry, an overlapping run or a second worker sends nothing twice.
 */
export const runReminders = async (tx: Tx, tenantId: string, now: number, links: ReminderLinks) => {
  const rows = await tx
    .select({
      a: appointments,
      typeName: appointmentTypes.name,
      bookingEmail: schedulingBookings.email,
      bookingName: schedulingBookings.name,
      bookingZone: schedulingBookings.timeZone,
      leadEmail: leads.email,
      leadName: leads.firstName,
      contactEmail: contacts.email,
      contactName: contacts.firstName,
      company: tenants.name,
    })
    .from(appointments)
    .innerJoin(
      appointmentTypes,
      and(eq(appointmentTypes.tenantId, appointments.tenantId), eq(appointmentTypes.id, appointments.typeId)),
    )
    .innerJoin(tenants, eq(tenants.id, appointments.tenantId))
    .leftJoin(
      schedulingBookings,
      and(
        eq(schedulingBookings.tenantId, appointments.tenantId),
        eq(schedulingBookings.appointmentId, appointments.id),
      ),
    )
    .leftJoin(leads, and(eq(leads.tenantId, appointments.tenantId), eq(leads.id, appointments.leadId)))
    .leftJoin(
      contacts,
      and(eq(contacts.tenantId, appointments.tenantId), eq(contacts.id, appointments.contactId)),
    )
    .where(
      and(
        eq(appointments.tenantId, tenantId),
        inArray(appointments.status, ['scheduled', 'confirmed']),
        gt(appointments.startsAt, new Date(now)),
        lte(appointments.startsAt, new Date(now + 24 * HOUR)),
      ),
    );
  const agents = new Map(
    (
      await memberContacts(
        tx,
        tenantId,
        rows.map((r) => r.a.ownerId).filter((id): id is string => !!id),
      )
    ).map((m) => [m.userId, m]),
  );
  let sent = 0;
  for (const r of rows) {
    const due = dueKind(r.a.startsAt.getTime(), r.a.createdAt.getTime(), now);
    if (!due) continue;
    const customer = r.bookingEmail ?? r.leadEmail ?? r.contactEmail;
    const agent = r.a.ownerId ? agents.get(r.a.ownerId) : undefined;
    const targets = [
      ...(customer
        ? [
            {
              recipient: 'customer' as const,
              to: customer,
              name: r.bookingName ?? r.leadName ?? r.contactName ?? '',
              zone: r.bookingZone ?? r.a.timeZone,
              link: r.bookingEmail ? manageUrl(links.appUrl, bookingToken(links.secret, r.a)) : undefined,
            },
          ]
        : []),
      ...(agent
        ? [
            {
              recipient: 'agent' as const,
              to: agent.email,
              name: agent.name,
              zone: r.a.timeZone,
              link: undefined,
            },
          ]
        : []),
    ];
    for (const target of targets) {
      const [fresh] = await tx
        .insert(appointmentReminders)
        .values({ tenantId, appointmentId: r.a.id, kind: due.kind, recipient: target.recipient })
        .onConflictDoNothing()
        .returning({ id: appointmentReminders.id });
      if (!fresh) continue;
      const when = localWhen(r.a.startsAt, target.zone);
      await queueMail(tx, {
        to: target.to,
        subject: `Reminder: ${r.typeName} ${due.label}, ${when}`,
        text: [
          `Hello ${target.name},`.replace(' ,', ','),
          '',
          `a reminder of your ${r.typeName}${target.recipient === 'customer' ? ` with ${r.company}` : ''}:`,
          `When: ${when}`,
          ...(r.a.location ? [`Where: ${r.a.location}`] : []),
          ...(target.link ? ['', `View, cancel or reschedule: ${target.link}`] : []),
          '',
          r.company,
        ].join('\n'),
        tenantRef: tenantId,
      });
      sent++;
    }
  }
  return sent;
};

/** Every tenant, one transaction each; the number of e-mails queued. */
export const sendAppointmentReminders = async (database: Database, now: number, links: ReminderLinks) => {
  const all = await database.db.select({ id: tenants.id }).from(tenants);
  let sent = 0;
  for (const { id } of all) sent += await withTenant(database, id, (tx) => runReminders(tx, id, now, links));
  return sent;
};

/** Every five minutes: appointment reminders 24 h and 1 h before (the mail sweep delivers them). */
export const appointmentRemindersJob = (links: () => ReminderLinks) =>
  defineJob({
    name: 'scheduling.reminders',
    payload: z.object({}).loose(),
    cron: '*/5 * * * *',
    retry: { limit: 3, delaySeconds: 60 },
    handler: async (_p, { database }) => {
      await sendAppointmentReminders(database, Date.now(), links());
    },
  });
