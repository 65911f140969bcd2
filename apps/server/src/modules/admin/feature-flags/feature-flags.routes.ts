import { featureFlagParams, featureFlagSchema, featureFlagUpdateInput } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { listFlags, updateFlag } from './feature-flags.service.ts';

const tags = ['feature-flags'];

/** Feature flags: every member reads them (the web app hides what is off), `settings.manage` changes them. */
export const featureFlagRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/feature-flags',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Every feature flag, the tenant’s choice and whether it is on for the caller',
        response: replies(z.array(featureFlagSchema)),
      },
    },
    async (req) => ok(await listFlags(authedContext(req, deps.database))),
  );
  r.patch(
    '/api/v1/feature-flags/:key',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary:
          'Turn a feature on or off, optionally for some roles only (send its version; 0 if never set)',
        params: featureFlagParams,
        body: featureFlagUpdateInput,
        response: replies(featureFlagSchema),
      },
    },
    async (req) => ok(await updateFlag(authedContext(req, deps.database), req.params.key, req.body)),
  );
};
