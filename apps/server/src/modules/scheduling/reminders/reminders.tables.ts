import { sql } from 'drizzle-orm';
import { check, foreignKey, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../../platform/db/columns.ts';
import { tenants } from '../../identity/index.ts';
import { appointments } from '../appointments/appointments.tables.ts';

/**
 * The reminders already sent: one row per appointment, lead time (`24h`, `1h`) and recipient (`customer`,
 * `agent`), written in the transaction that queues the e-mail — the unique key makes each one go out once.
 */
export const appointmentReminders = pgTable(
  'appointment_reminders',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    appointmentId: uuid('appointment_id').notNull(),
    kind: text('kind', { enum: ['24h', '1h'] }).notNull(),
    recipient: text('recipient', { enum: ['customer', 'agent'] }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('appointment_reminders_key').on(t.tenantId, t.appointmentId, t.kind, t.recipient),
    check('appointment_reminders_kind', sql`kind in ('24h', '1h') and recipient in ('customer', 'agent')`),
    foreignKey({
      name: 'appointment_reminders_appointment_fk',
      columns: [t.tenantId, t.appointmentId],
      foreignColumns: [appointments.tenantId, appointments.id],
    }).onDelete('cascade'),
  ],
);
