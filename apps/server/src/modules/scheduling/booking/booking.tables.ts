import { foreignKey, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../../../platform/db/columns.ts';
import { tenants } from '../../identity/index.ts';
import { appointments } from '../appointments/appointments.tables.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * What a visitor entered on the public booking page, one row per booked appointment: who to write to
 * (confirmation, reminders), the address and the visitor's time zone for the e-mails and the manage page.
 */
export const schedulingBookings = pgTable(
  'scheduling_bookings',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    appointmentId: uuid('appointment_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    address: text('address'),
    postalCode: text('postal_code'),
    timeZone: text('time_zone').notNull(),
    ip: text('ip'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('scheduling_bookings_appointment_key').on(t.tenantId, t.appointmentId),
    foreignKey({
      name: 'scheduling_bookings_appointment_fk',
      columns: [t.tenantId, t.appointmentId],
      foreignColumns: [appointments.tenantId, appointments.id],
    }).onDelete('cascade'),
  ],
);
