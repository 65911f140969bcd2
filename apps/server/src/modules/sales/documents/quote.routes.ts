import { documentSchema, documentSendInput, idParams } from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { sendDocument } from './document-send.service.ts';
import {
  convertQuote,
  decidePublicQuote,
  publicQuoteLogo,
  quoteLinkOf,
  viewPublicQuote,
} from './quotes.service.ts';

const tokenParams = z.strictObject({ token: z.string().min(10).max(100) });
const decision = z.object({ status: z.string(), decidedAt: z.string().nullable() });

/** Sending quotes and invoices, converting accepted quotes, and the customer's public quote link. */
export const quoteRoutes = async (app: FastifyInstance, deps: SalesDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, deps.database);
  const linkDeps = { database: deps.database, secret: deps.secret, appUrl: deps.appUrl };
  const send = {
    sendJob: deps.sendJob,
    publicLink: (_c: unknown, row: Parameters<typeof quoteLinkOf>[1]) => quoteLinkOf(linkDeps, row),
  };
  const sendSchema = (tag: string, summary: string) => ({
    tags: [tag],
    summary,
    params: idParams,
    body: documentSendInput,
    response: replies(documentSchema),
  });

  r.post(
    '/api/v1/invoices/:id/send',
    {
      config: { access: 'invoices.send' },
      schema: sendSchema(
        'invoices',
        'E-mail an invoice (issues a draft first); the status changes with the e-mail',
      ),
    },
    async (req) => ok(await sendDocument(ctx(req), send, 'invoice', req.params.id, req.body)),
  );
  r.post(
    '/api/v1/quotes/:id/send',
    {
      config: { access: 'quotes.send' },
      schema: sendSchema('quotes', 'E-mail a quote with its public link (numbers a draft first)'),
    },
    async (req) => ok(await sendDocument(ctx(req), send, 'quote', req.params.id, req.body)),
  );
  r.post(
    '/api/v1/quotes/:id/convert',
    {
      config: { access: 'invoices.manage' },
      schema: {
        tags: ['quotes'],
        summary: 'Turn an accepted quote into a draft invoice (optionally marking its deal won)',
        params: idParams,
        body: z.strictObject({ markDealWon: z.boolean().optional() }).nullish(),
        response: replies(documentSchema, 201),
      },
    },
    async (req, reply) =>
      reply.code(201).send(ok(await convertQuote(ctx(req), req.params.id, req.body ?? {}))),
  );

  // The customer's link: no sign-in, the signed token is the credential.
  const tags = ['public-quotes'];
  r.get(
    '/api/public/quotes/:token',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'A sent quote behind its signed link',
        params: tokenParams,
        response: replies(z.record(z.string(), z.unknown())),
      },
    },
    async (req) => ok(await viewPublicQuote(linkDeps, req.params.token)),
  );
  r.get(
    '/api/public/quotes/:token/logo',
    {
      config: { access: 'public' },
      schema: { tags, summary: "The seller's logo on the quote page", params: tokenParams },
    },
    async (req, reply) => {
      const logo = await publicQuoteLogo(linkDeps, req.params.token);
      return reply
        .type(logo.contentType)
        .header('cache-control', 'private, max-age=300')
        .send(Buffer.from(logo.content));
    },
  );
  for (const [action, status] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
  ] as const)
    r.post(
      `/api/public/quotes/:token/${action}`,
      {
        config: { access: 'public' },
        schema: {
          tags,
          summary: `The customer ${status} the quote`,
          params: tokenParams,
          response: replies(decision),
        },
      },
      async (req) =>
        ok(await decidePublicQuote(linkDeps, req.params.token, status, { ip: req.ip, requestId: req.id })),
    );
};
