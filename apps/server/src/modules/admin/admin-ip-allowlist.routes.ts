import { adminIpAllowlistSchema, adminIpAllowlistUpdateInput } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../platform/context/service-context.ts';
import type { Database } from '../../platform/db/index.ts';
import { ok } from '../../platform/http/envelope.ts';
import { replies } from '../../platform/http/route-schema.ts';
import { readAllowlist, updateAllowlist } from './admin-ip-allowlist.service.ts';

const tags = ['settings'];

/** The addresses admin operations may come from (ADMIN_PERMISSIONS in the contracts), `settings.manage`. */
export const adminIpAllowlistRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/v1/settings/admin-ip-allowlist',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Addresses and ranges admin operations are allowed from (empty: any), and your own address',
        response: replies(adminIpAllowlistSchema),
      },
    },
    async (req) => ok(await readAllowlist(authedContext(req, deps.database))),
  );
  r.put(
    '/api/v1/settings/admin-ip-allowlist',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary:
          'Replace the list (send the settings version; a list without your own address is refused: it would lock you out)',
        body: adminIpAllowlistUpdateInput,
        response: replies(adminIpAllowlistSchema),
      },
    },
    async (req) => ok(await updateAllowlist(authedContext(req, deps.database), req.body)),
  );
};
