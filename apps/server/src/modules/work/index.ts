import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/index.ts';
import { assignmentRoutes } from './assignments/assignments.routes.ts';
import { expenseRoutes } from './expenses/expenses.routes.ts';
import { projectRoutes } from './projects/projects.routes.ts';
import { registerWorkRecords } from './registrations.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { timesheetRoutes } from './timesheets/timesheets.routes.ts';

registerWorkRecords();

/** The work module's HTTP API: projects, milestones, assignments, timesheets, expenses, utilisation. */
export const workRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  await app.register(projectRoutes, deps);
  await app.register(assignmentRoutes, deps);
  await app.register(timesheetRoutes, deps);
  await app.register(expenseRoutes, deps);
  await app.register(reportRoutes, deps);
};

export { seedWorkDemo, WORK_DEMO_COUNTS, type WorkDemoPeople } from './demo/demo-data.ts';
