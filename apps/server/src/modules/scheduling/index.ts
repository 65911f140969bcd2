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

/** Every five minutes: e-mail reminders 24 h and 1 h before appointments (listed in src/jobs.ts). */
export { appointmentRemindersJob, sendAppointmentReminders } from './reminders/reminders-job.ts';
/** Pure slot computation (availability minus busy ranges, in the agent's zone) for benchmarks and other modules. */
export { computeSlots } from './slots/compute-slots.ts';
