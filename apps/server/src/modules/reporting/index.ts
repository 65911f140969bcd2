import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/index.ts';
import { kpiRoutes } from './kpis.routes.ts';
import { reportSubscriptionRoutes } from './report-subscriptions.routes.ts';

/** Reporting: the KPI registry (modules register their KPIs), its endpoints and the report e-mails (docs/modules/reporting.md). */
export const reportingRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  await app.register(kpiRoutes, deps);
  await app.register(reportSubscriptionRoutes, deps);
};

export {
  type KpiDef,
  type KpiRow,
  type KpiRun,
  num,
  percent,
  registerKpi,
  rowsOf,
} from './kpi-registry.ts';
export { REPORT_EMAILS_JOB, reportEmailsJob, sendDueReports } from './report-emails.job.ts';
