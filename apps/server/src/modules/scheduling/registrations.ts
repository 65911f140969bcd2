import { registerRealtimeEntity } from '../../platform/realtime/index.ts';
import { appointments } from './appointments/appointments.tables.ts';

/** What scheduling adds to the shared registries: appointment events reach the agent's sockets live. */
export const registerSchedulingRecords = () => {
  registerRealtimeEntity({
    entity: 'appointment',
    idKey: 'appointmentId',
    table: appointments,
    view: 'appointments.view',
    scope: { resource: 'appointments', owner: appointments.ownerId },
  });
};
