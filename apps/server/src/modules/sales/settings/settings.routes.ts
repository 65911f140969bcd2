import { salesSettingsSchema, salesSettingsUpdateInput } from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { getSalesSettings, updateSalesSettings } from './settings.service.ts';

/** The tenant's sales settings: read by anyone who sees invoices or quotes' products, changed with settings.manage. */
export const settingsRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  const tags = ['sales-settings'];
  r.get(
    '/api/v1/sales/settings',
    {
      config: { access: 'products.view' },
      schema: {
        tags,
        summary: 'Numbering, rounding and seller details of sales documents',
        response: replies(salesSettingsSchema),
      },
    },
    async (req) => ok(await getSalesSettings(ctx(req))),
  );
  r.patch(
    '/api/v1/sales/settings',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Change the sales settings (send their version)',
        body: salesSettingsUpdateInput,
        response: replies(salesSettingsSchema),
      },
    },
    async (req) => ok(await updateSalesSettings(ctx(req), req.body)),
  );
};
