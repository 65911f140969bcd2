/** The scheduling module's tables, one file per entity (drizzle-kit reads the schema through this file). */

export { schedulingAgents } from './agents/agents.tables.ts';
export { appointments } from './appointments/appointments.tables.ts';
export { schedulingBookings } from './booking/booking.tables.ts';
export { schedulingCalendarFeeds } from './feeds/feeds.tables.ts';
export { appointmentReminders } from './reminders/reminders.tables.ts';
export { schedulingSettings } from './settings/settings.tables.ts';
export { appointmentTypes } from './types/appointment-types.tables.ts';
