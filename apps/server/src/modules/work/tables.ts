/** The work module's tables, one file per entity (drizzle-kit reads the schema through this file). */

export { assignments, memberCapacities } from './assignments/assignments.tables.ts';
export { expenses } from './expenses/expenses.tables.ts';
export { milestones, projects } from './projects/projects.tables.ts';
export { timeEntries, timeEntryDays, timesheetWeeks } from './timesheets/timesheets.tables.ts';
