import {
  idParams,
  portalAccessInput,
  portalAccessSchema,
  portalDecisionInput,
  portalDocumentSchema,
  portalInviteInput,
  portalInviteResultSchema,
  portalInvoiceListQuery,
  portalMeSchema,
  portalPaymentListQuery,
  portalPaymentSchema,
  portalQuoteListQuery,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import type { SalesDeps } from '../sales-deps.ts';
import {
  decidePortalQuote,
  getPortalDocument,
  listPortalDocuments,
  listPortalPayments,
  portalDocumentPdf,
  portalMe,
} from './portal.service.ts';
import {
  grantPortalAccess,
  inviteContactToPortal,
  listPortalAccess,
  revokePortalAccess,
} from './portal-access.service.ts';

const KINDS = [
  { path: 'quotes', kind: 'quote', label: 'quote', query: portalQuoteListQuery },
  { path: 'invoices', kind: 'invoice', label: 'invoice', query: portalInvoiceListQuery },
] as const;

/**
 * The customer portal (`/api/v1/portal/*`, portal.view / portal.respond): the caller's company's documents only,
 * filtered in SQL by their portal access (ADR 0035). Staff manage access on `/api/v1/portal-access` (portal.manage).
 */
export const portalRoutes = async (app: FastifyInstance, deps: SalesDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, deps.database);
  const tags = ['portal'];

  r.get(
    '/api/v1/portal/me',
    {
      config: { access: 'portal.view' },
      schema: { tags, summary: 'The company this portal shows', response: replies(portalMeSchema) },
    },
    async (req) => ok(await portalMe(ctx(req))),
  );
  for (const k of KINDS) {
    r.get(
      `/api/v1/portal/${k.path}`,
      {
        config: { access: 'portal.view' },
        schema: {
          tags,
          summary: `My company's ${k.label}s (never drafts)`,
          querystring: k.query,
          response: listReplies(portalDocumentSchema),
        },
      },
      async (req) => {
        const { items, pagination } = await listPortalDocuments(ctx(req), k.kind, req.query);
        return page(items, pagination);
      },
    );
    r.get(
      `/api/v1/portal/${k.path}/:id`,
      {
        config: { access: 'portal.view' },
        schema: {
          tags,
          summary: `One of my company's ${k.label}s with its lines`,
          params: idParams,
          response: replies(portalDocumentSchema),
        },
      },
      async (req) => ok(await getPortalDocument(ctx(req), k.kind, req.params.id)),
    );
    r.get(
      `/api/v1/portal/${k.path}/:id/pdf`,
      {
        config: { access: 'portal.view' },
        schema: { tags, summary: `One of my company's ${k.label}s as PDF`, params: idParams },
      },
      async (req, reply) => {
        const file = await portalDocumentPdf(ctx(req), k.kind, req.params.id);
        return reply
          .type(file.contentType)
          .header('content-disposition', `inline; filename="${file.filename}"`)
          .header('cache-control', 'private, no-store')
          .send(Buffer.from(file.content));
      },
    );
  }
  for (const [action, status] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const)
    r.post(
      `/api/v1/portal/quotes/:id/${action}`,
      {
        config: { access: 'portal.respond' },
        schema: {
          tags,
          summary: `${action === 'accept' ? 'Accept' : 'Decline'} one of my company's sent quotes`,
          params: idParams,
          body: portalDecisionInput,
          response: replies(portalDocumentSchema),
        },
      },
      async (req) => ok(await decidePortalQuote(ctx(req), req.params.id, status, req.body)),
    );
  r.get(
    '/api/v1/portal/payments',
    {
      config: { access: 'portal.view' },
      schema: {
        tags,
        summary: "Payments received on my company's invoices, newest first",
        querystring: portalPaymentListQuery,
        response: replies(z.array(portalPaymentSchema)),
      },
    },
    async (req) => ok(await listPortalPayments(ctx(req), req.query)),
  );

  // Staff: who sees which company in the portal.
  const staff = ['portal-access'];
  r.get(
    '/api/v1/portal-access',
    {
      config: { access: 'portal.manage' },
      schema: {
        tags: staff,
        summary: 'Every portal access of the company',
        response: replies(z.array(portalAccessSchema)),
      },
    },
    async (req) => ok(await listPortalAccess(ctx(req))),
  );
  r.post(
    '/api/v1/portal-access',
    {
      config: { access: 'portal.manage' },
      schema: {
        tags: staff,
        summary: 'Let a member (by e-mail) see one company in the portal',
        body: portalAccessInput,
        response: replies(portalAccessSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await grantPortalAccess(ctx(req), req.body))),
  );
  r.post(
    '/api/v1/portal-access/invite',
    {
      config: { access: 'portal.manage' },
      schema: {
        tags: staff,
        summary: "Invite a contact's e-mail with the customer role and link the contact's company",
        body: portalInviteInput,
        response: replies(portalInviteResultSchema, 201),
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          ok(
            await inviteContactToPortal(
              ctx(req),
              { appUrl: deps.appUrl, sendJob: deps.sendJob },
              req.body.contactId,
            ),
          ),
        ),
  );
  r.delete(
    '/api/v1/portal-access/:id',
    {
      config: { access: 'portal.manage' },
      schema: {
        tags: staff,
        summary: 'End a portal access (the member stays)',
        params: idParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await revokePortalAccess(ctx(req), req.params.id);
      return ok({ deleted: true as const });
    },
  );
};
