import type { FastifyInstance } from 'fastify';
import { agentRoutes } from './agents/agents.routes.ts';
import { appointmentRoutes } from './appointments/appointments.routes.ts';
import { bookingRoutes } from './booking/booking.routes.ts';
import type { BookingDeps } from './booking/booking-deps.ts';
import { feedRoutes } from './feeds/feeds.routes.ts';
import { registerSchedulingKpis } from './performance/performance-kpi.ts';
import { registerSchedulingRecords } from './registrations.ts';
import { settingsRoutes } from './settings/settings.routes.ts';
import { appointmentTypeRoutes } from './types/types.routes.ts';

registerSchedulingRecords();
registerSchedulingKpis();

export type SchedulingDeps = BookingDeps;

/**
 * The scheduling module's HTTP API: agents and availability, appointment types, appointments, free slots, the
 * public booking page and manage links, and the agents' calendar feeds.
 */
export const schedulingRoutes = async (app: FastifyInstance, deps: SchedulingDeps) => {
  await app.register(agentRoutes, deps);
  await app.register(appointmentTypeRoutes, deps);
  await app.register(appointmentRoutes, deps);
  await app.register(settingsRoutes, deps);
  await app.register(bookingRoutes, deps);
  await app.register(feedRoutes, deps);
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
/** Every five minutes: e-mail reminders 24 h and 1 h before appointments (listed in src/jobs.ts). */
export { appointmentRemindersJob, sendAppointmentReminders } from './reminders/reminders-job.ts';
/** Pure slot computation (availability minus busy ranges, in the agent's zone) for benchmarks and other modules. */
export { computeSlots } from './slots/compute-slots.ts';
/** The appointments table, for other modules' foreign keys (a d2d visit names the appointment it booked). */
export { appointments } from './tables.ts';
