import {
  idParams,
  reportSubscriptionCreateInput,
  reportSubscriptionSchema,
  reportSubscriptionUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../platform/context/service-context.ts';
import type { Database } from '../../platform/db/index.ts';
import { ok } from '../../platform/http/envelope.ts';
import { featureScope } from '../../platform/http/feature-gate.ts';
import { replies } from '../../platform/http/route-schema.ts';
import {
  createReportSubscription,
  deleteReportSubscription,
  listReportSubscriptions,
  updateReportSubscription,
} from './report-subscriptions.service.ts';

const tags = ['reports'];
const base = '/api/v1/report-subscriptions';

/**
 * A member's scheduled report e-mails (to themselves only). Behind the `reporting` feature; reading and
 * deleting need `reports.view`, subscribing also `reports.export` and the KPI's permission (service).
 */
export const reportSubscriptionRoutes = async (
  app: FastifyInstance,
  { database }: { database: Database },
) => {
  featureScope(app, 'reporting');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);

  r.get(
    base,
    {
      config: { access: 'reports.view' },
      schema: { tags, summary: 'My report e-mails', response: replies(z.array(reportSubscriptionSchema)) },
    },
    async (req) => ok(await listReportSubscriptions(ctx(req))),
  );
  r.post(
    base,
    {
      config: { access: 'reports.view' },
      schema: {
        tags,
        summary: 'E-mail me a KPI weekly or monthly (the period just ended, with the CSV)',
        body: reportSubscriptionCreateInput,
        response: replies(reportSubscriptionSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await createReportSubscription(ctx(req), req.body))),
  );
  r.patch(
    `${base}/:id`,
    {
      config: { access: 'reports.view' },
      schema: {
        tags,
        summary: 'Change, pause or resume one of my report e-mails (send its version)',
        params: idParams,
        body: reportSubscriptionUpdateInput,
        response: replies(reportSubscriptionSchema),
      },
    },
    async (req) => ok(await updateReportSubscription(ctx(req), req.params.id, req.body)),
  );
  r.delete(
    `${base}/:id`,
    {
      config: { access: 'reports.view' },
      schema: {
        tags,
        summary: 'Delete one of my report e-mails',
        params: idParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await deleteReportSubscription(ctx(req), req.params.id);
      return ok({ deleted: true as const });
    },
  );
};
