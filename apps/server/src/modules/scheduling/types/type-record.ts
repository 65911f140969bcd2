import type { AppointmentType } from '@tessera/contracts';
import { getTableColumns } from 'drizzle-orm';
import * as kit from '../../../platform/records/index.ts';
import { appointmentTypes } from './appointment-types.tables.ts';

export type AppointmentTypeRow = typeof appointmentTypes.$inferSelect;

/** Appointment types: tenant-wide, changed with booking.manage. */
export const typeDef: kit.RecordDef = {
  name: 'appointment_type',
  label: 'Appointment type',
  table: appointmentTypes,
  scope: 'appointments',
  auditFields: [
    'name',
    'slug',
    'description',
    'durationMinutes',
    'bufferBeforeMinutes',
    'bufferAfterMinutes',
    'slotStepMinutes',
    'minNoticeMinutes',
    'maxDaysAhead',
    'locationKind',
    'agentIds',
    'requiredSkills',
    'colour',
    'publicBooking',
    'archivedAt',
  ],
};

export const toAppointmentType = (r: AppointmentTypeRow): AppointmentType => ({
  ...kit.baseDto(r),
  name: r.name,
  slug: r.slug,
  description: r.description,
  durationMinutes: r.durationMinutes,
  bufferBeforeMinutes: r.bufferBeforeMinutes,
  bufferAfterMinutes: r.bufferAfterMinutes,
  slotStepMinutes: r.slotStepMinutes,
  minNoticeMinutes: r.minNoticeMinutes,
  maxDaysAhead: r.maxDaysAhead,
  locationKind: r.locationKind,
  agentIds: r.agentIds,
  requiredSkills: r.requiredSkills,
  colour: r.colour,
  publicBooking: r.publicBooking,
});

export const typeColumns = getTableColumns(appointmentTypes);

export const typeListSpec = (): kit.ListSpec => ({
  table: appointmentTypes,
  id: appointmentTypes.id,
  tenantId: appointmentTypes.tenantId,
  archivedAt: appointmentTypes.archivedAt,
  where: [],
  sorts: {
    name: { expr: appointmentTypes.name, type: 'text' },
    createdAt: { expr: appointmentTypes.createdAt, type: 'timestamp' },
  },
});
