import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/index.ts';
import { agentRoutes } from './agents/agents.routes.ts';
import { appointmentRoutes } from './appointments/appointments.routes.ts';
import { registerSchedulingRecords } from './registrations.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import { appointmentTypeRoutes } from './types/types.routes.ts';

registerSchedulingRecords();

export interface SchedulingDeps {
  database: Database;
}

/** The scheduling module's HTTP API: agents and availability, appointment types, appointments, free slots. */
export const schedulingRoutes = async (app: FastifyInstance, deps: SchedulingDeps) => {
  await app.register(agentRoutes, deps);
  await app.register(appointmentTypeRoutes, deps);
  await app.register(appointmentRoutes, deps);
  await app.register(settingsRoutes, deps);
};

/** Books an appointment for a lead inside another module's transaction (the d2d visit); 409 when taken. */
export {
  bookLeadAppointmentIn,
  type LeadAppointmentInput,
} from './appointments/book-for-lead.ts';
/** Demo agents, appointment types and this week's appointments for the demo company. */
export {
  DEMO_SCHEDULING_ZONE,
  type SchedulingDemoPeople,
  seedSchedulingDemo,
} from './demo/demo-data.ts';
/** Pure slot computation (availability minus busy ranges, in the agent's zone) for benchmarks and other modules. */
export { computeSlots } from './slots/compute-slots.ts';
/** The appointments table, for other modules' foreign keys (a d2d visit names the appointment it booked). */
export { appointments } from './tables.ts';
