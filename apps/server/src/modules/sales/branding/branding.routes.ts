import { salesBrandingSchema, salesBrandingUpdateInput } from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { getSalesBranding, getSalesLogo, updateSalesBranding } from './branding.service.ts';

const tags = ['sales-settings'];

/** Document branding: colours and logo (JSON, base64 logo), the logo image, and a branded sample PDF. */
export const brandingRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  r.get(
    '/api/v1/sales/branding',
    {
      config: { access: 'products.view' },
      schema: { tags, summary: 'Document branding (colours, logo)', response: replies(salesBrandingSchema) },
    },
    async (req) => ok(await getSalesBranding(ctx(req))),
  );
  r.patch(
    '/api/v1/sales/branding',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Change colours and/or the logo (base64 PNG/JPEG ≤ 512 KiB, null removes it); version → 409',
        body: salesBrandingUpdateInput,
        response: replies(salesBrandingSchema),
      },
    },
    async (req) => ok(await updateSalesBranding(ctx(req), req.body)),
  );
  r.get(
    '/api/v1/sales/branding/logo',
    { config: { access: 'products.view' }, schema: { tags, summary: 'The logo image' } },
    async (req, reply) => {
      const logo = await getSalesLogo(ctx(req));
      return reply
        .type(logo.contentType)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(logo.content));
    },
  );
};
