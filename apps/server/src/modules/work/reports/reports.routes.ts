import {
  capacityInput,
  capacityParams,
  idParams,
  projectBudgetQuery,
  projectBudgetSchema,
  utilisationQuery,
  utilisationRowSchema,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { projectBudget } from './budget.service.ts';
import { setCapacity, utilisation } from './utilisation.service.ts';

/** Utilisation per member and period, member capacities, and a project's budget, burn-down and forecast. */
export const reportRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  r.get(
    '/api/v1/utilisation',
    {
      config: { access: 'timesheets.view' },
      schema: {
        tags: ['utilisation'],
        summary:
          'Capacity, booked and billable hours and utilisation per member over a period (at most a year)',
        querystring: utilisationQuery,
        response: replies(z.array(utilisationRowSchema)),
      },
    },
    async (req) => ok(await utilisation(ctx(req), req.query)),
  );
  r.put(
    '/api/v1/utilisation/capacity/:userId',
    {
      config: { access: 'timesheets.manage' },
      schema: {
        tags: ['utilisation'],
        summary: "Set a member's working hours per week",
        params: capacityParams,
        body: capacityInput,
        response: replies(z.object({ userId: z.string(), hoursPerWeek: z.number() })),
      },
    },
    async (req) => ok(await setCapacity(ctx(req), req.params.userId, req.body.hoursPerWeek)),
  );
  r.get(
    '/api/v1/projects/:id/budget',
    {
      config: { access: 'projects.view' },
      schema: {
        tags: ['projects'],
        summary: 'Hours and cost against budget, weekly burn-down and forecast at completion',
        params: idParams,
        querystring: projectBudgetQuery,
        response: replies(projectBudgetSchema),
      },
    },
    async (req) =>
      ok(
        await projectBudget(ctx(req), req.params.id, req.query.asOf ?? new Date().toISOString().slice(0, 10)),
      ),
  );
};
