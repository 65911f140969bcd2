import { errorEnvelope, kpiInfoSchema, kpiParams, kpiQuery, kpiResultSchema } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../platform/context/service-context.ts';
import type { Database } from '../../platform/db/index.ts';
import { ok } from '../../platform/http/envelope.ts';
import { featureScope } from '../../platform/http/feature-gate.ts';
import { replies } from '../../platform/http/route-schema.ts';
import { kpiCsv } from './kpi-csv.ts';
import { listKpis, runKpi } from './kpis.service.ts';

const tags = ['reports'];
const errors = {
  400: errorEnvelope,
  401: errorEnvelope,
  403: errorEnvelope,
  404: errorEnvelope,
  429: errorEnvelope,
};

/** KPIs registered by the modules: JSON for widgets, CSV for export. Behind the `reporting` feature. */
export const kpiRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  featureScope(app, 'reporting');
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/reports/kpis',
    {
      config: { access: 'reports.view' },
      schema: { tags, summary: 'The KPIs I may read', response: replies(z.array(kpiInfoSchema)) },
    },
    async (req) => ok(await listKpis(authedContext(req, deps.database))),
  );
  r.get(
    '/api/v1/reports/kpis/:name',
    {
      config: { access: 'reports.view' },
      schema: {
        tags,
        summary: 'One KPI for a period, grouped by day/week/month, with filters (my record scope applies)',
        params: kpiParams,
        querystring: kpiQuery,
        response: replies(kpiResultSchema),
      },
    },
    async (req) => ok(await runKpi(authedContext(req, deps.database), req.params.name, req.query)),
  );
  r.get(
    '/api/v1/reports/kpis/:name/export',
    {
      config: { access: 'reports.export' },
      schema: {
        tags,
        summary: 'One KPI as CSV (same query as the JSON)',
        params: kpiParams,
        querystring: kpiQuery,
        produces: ['text/csv'],
        response: errors,
      },
    },
    async (req, reply) => {
      const result = await runKpi(authedContext(req, deps.database), req.params.name, req.query);
      const csv: unknown = kpiCsv(result);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="${result.kpi}-${result.period.from}-${result.period.to}.csv"`,
        )
        .header('cache-control', 'no-store')
        .send(csv as never);
    },
  );
};
