import { tenantSettingsSchema, tenantSettingsUpdateInput } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../platform/context/service-context.ts';
import type { Database } from '../../platform/db/index.ts';
import { ok } from '../../platform/http/envelope.ts';
import { replies } from '../../platform/http/route-schema.ts';
import { readSettings, updateSettings } from './tenant-settings.service.ts';

const tags = ['settings'];

/** Company settings: read by every member, changed with `settings.manage`. */
export const tenantSettingsRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/settings',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Company settings: branding, locale, currency, time zone, tax defaults, fiscal year',
        response: replies(tenantSettingsSchema),
      },
    },
    async (req) => ok(await readSettings(authedContext(req, deps.database))),
  );
  r.patch(
    '/api/v1/settings',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Change company settings (send their version; a stale one answers 409)',
        body: tenantSettingsUpdateInput,
        response: replies(tenantSettingsSchema),
      },
    },
    async (req) => ok(await updateSettings(authedContext(req, deps.database), req.body)),
  );
};
