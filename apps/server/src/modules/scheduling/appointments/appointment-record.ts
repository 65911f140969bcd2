import type { Appointment, appointmentListQuery } from '@tessera/contracts';
import { and, eq, getTableColumns, gt, inArray, lt } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { appointments } from './appointments.tables.ts';

export type AppointmentRow = typeof appointments.$inferSelect;

/** Appointments; record scope on the agent's user ("own" = my appointments). */
export const appointmentDef: kit.RecordDef = {
  name: 'appointment',
  label: 'Appointment',
  table: appointments,
  scope: 'appointments',
  owner: appointments.ownerId,
  auditFields: [
    'typeId',
    'agentId',
    'ownerId',
    'leadId',
    'contactId',
    'dealId',
    'startsAt',
    'endsAt',
    'status',
    'location',
    'outcome',
    'notes',
    'cancelReason',
    'archivedAt',
  ],
};

export const toAppointment = (r: AppointmentRow): Appointment => ({
  ...kit.baseDto(r),
  typeId: r.typeId,
  agentId: r.agentId,
  ownerId: r.ownerId,
  leadId: r.leadId,
  contactId: r.contactId,
  dealId: r.dealId,
  startsAt: r.startsAt.toISOString(),
  endsAt: r.endsAt.toISOString(),
  blockedFrom: r.blockedFrom.toISOString(),
  blockedTo: r.blockedTo.toISOString(),
  timeZone: r.timeZone,
  status: r.status,
  locationKind: r.locationKind,
  location: r.location,
  outcome: r.outcome,
  notes: r.notes,
  cancelReason: r.cancelReason,
  source: r.source,
  completedAt: kit.iso(r.completedAt),
});

export const appointmentColumns = getTableColumns(appointments);

type Filters = Omit<
  z.output<typeof appointmentListQuery>,
  'limit' | 'cursor' | 'sort' | 'includeTotal' | 'archived' | 'q'
>;

/** Calendar queries: `from`/`to` select appointments overlapping the range; record scope applies. */
export const appointmentListSpec = (ctx: AuthedContext, f: Filters): kit.ListSpec => ({
  table: appointments,
  id: appointments.id,
  tenantId: appointments.tenantId,
  archivedAt: appointments.archivedAt,
  where: [
    kit.scopeWhere(ctx, appointmentDef),
    and(
      f.status?.length ? inArray(appointments.status, f.status) : undefined,
      f.agentId ? eq(appointments.agentId, f.agentId) : undefined,
      f.leadId ? eq(appointments.leadId, f.leadId) : undefined,
      f.contactId ? eq(appointments.contactId, f.contactId) : undefined,
      f.from ? gt(appointments.endsAt, new Date(f.from)) : undefined,
      f.to ? lt(appointments.startsAt, new Date(f.to)) : undefined,
    ),
  ],
  sorts: {
    startsAt: { expr: appointments.startsAt, type: 'timestamp' },
    createdAt: { expr: appointments.createdAt, type: 'timestamp' },
  },
});
