import { onboardingSchema, onboardingUpdateInput } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { getOnboarding, updateOnboarding } from './onboarding.service.ts';

const tags = ['onboarding'];

/** The first-run checklist on the dashboard, for the members who set the company up (`settings.manage`). */
export const onboardingRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/onboarding',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary:
          'The first-run checklist: the steps the caller may do, which are done, and whether it is hidden',
        response: replies(onboardingSchema),
      },
    },
    async (req) => ok(await getOnboarding(authedContext(req, deps.database))),
  );
  r.patch(
    '/api/v1/onboarding',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Hide the first-run checklist for the caller (`dismissed: true`) or show it again',
        body: onboardingUpdateInput,
        response: replies(onboardingSchema),
      },
    },
    async (req) => ok(await updateOnboarding(authedContext(req, deps.database), req.body)),
  );
};
