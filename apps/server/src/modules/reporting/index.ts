import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/index.ts';
import { kpiRoutes } from './kpis.routes.ts';

/** Reporting: the KPI registry (modules register their KPIs) and its endpoints (docs/modules/reporting.md). */
export const reportingRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  await app.register(kpiRoutes, deps);
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
