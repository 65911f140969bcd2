import {
  creditNoteCreateInput,
  creditNoteListQuery,
  documentActionInput,
  documentCreateInput,
  documentSchema,
  documentUpdateInput,
  idParams,
  invoiceListQuery,
  paymentCreateInput,
  paymentSchema,
  quoteListQuery,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { deletePayment, listPayments, recordPayment } from '../payments/payments.service.ts';
import { createCreditNote } from './credit-notes.service.ts';
import { issueInvoice, voidInvoice } from './document-actions.service.ts';
import { DOCUMENT_DEFS } from './document-record.ts';
import { documentService } from './documents.service.ts';

/** Quotes, invoices (with their actions, payments and credit notes) and credit notes. */
export const documentRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  const schemas = { dto: documentSchema, create: documentCreateInput, update: documentUpdateInput };

  registerRecordRoutes(app, database, {
    base: '/api/v1/invoices',
    tag: 'invoices',
    def: DOCUMENT_DEFS.invoice,
    permissions: {
      view: 'invoices.view',
      create: 'invoices.manage',
      update: 'invoices.manage',
      delete: 'invoices.manage',
    },
    schemas: { ...schemas, list: invoiceListQuery },
    service: documentService('invoice'),
  });
  registerRecordRoutes(app, database, {
    base: '/api/v1/quotes',
    tag: 'quotes',
    def: DOCUMENT_DEFS.quote,
    permissions: {
      view: 'quotes.view',
      create: 'quotes.manage',
      update: 'quotes.manage',
      delete: 'quotes.manage',
    },
    schemas: { ...schemas, list: quoteListQuery },
    service: documentService('quote'),
  });

  const tags = ['invoices'];
  const action = (summary: string) => ({
    tags,
    summary,
    params: idParams,
    body: documentActionInput,
    response: replies(documentSchema),
  });
  r.post(
    '/api/v1/invoices/:id/issue',
    { config: { access: 'invoices.issue' }, schema: action('Issue a draft invoice (assigns its number)') },
    async (req) => ok(await issueInvoice(ctx(req), req.params.id, req.body?.version)),
  );
  r.post(
    '/api/v1/invoices/:id/void',
    { config: { access: 'invoices.void' }, schema: action('Void an issued invoice without payments') },
    async (req) => ok(await voidInvoice(ctx(req), req.params.id, req.body?.version)),
  );
  r.post(
    '/api/v1/invoices/:id/credit-notes',
    {
      config: { access: 'invoices.issue' },
      schema: {
        tags,
        summary: 'Issue a credit note for the whole invoice or some of its lines (reduces its balance)',
        params: idParams,
        body: creditNoteCreateInput,
        response: replies(documentSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await createCreditNote(ctx(req), req.params.id, req.body))),
  );
  r.get(
    '/api/v1/invoices/:id/payments',
    {
      config: { access: 'payments.view' },
      schema: {
        tags,
        summary: 'The payments of an invoice',
        params: idParams,
        response: replies(z.array(paymentSchema)),
      },
    },
    async (req) => ok(await listPayments(ctx(req), req.params.id)),
  );
  r.post(
    '/api/v1/invoices/:id/payments',
    {
      config: { access: 'payments.create' },
      schema: {
        tags,
        summary: 'Record a payment (never more than the open balance)',
        params: idParams,
        body: paymentCreateInput,
        response: replies(paymentSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await recordPayment(ctx(req), req.params.id, req.body))),
  );
  r.delete(
    '/api/v1/payments/:id',
    {
      config: { access: 'payments.delete' },
      schema: {
        tags: ['payments'],
        summary: 'Delete a payment (audited; reopens the invoice balance)',
        params: idParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await deletePayment(ctx(req), req.params.id);
      return ok({ deleted: true as const });
    },
  );

  const creditNotes = documentService('credit_note');
  r.get(
    '/api/v1/credit-notes',
    {
      config: { access: 'invoices.view' },
      schema: {
        tags: ['credit-notes'],
        summary: 'List credit notes',
        querystring: creditNoteListQuery,
        response: listReplies(documentSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await creditNotes.list(ctx(req), req.query);
      return page(items, pagination);
    },
  );
  r.get(
    '/api/v1/credit-notes/:id',
    {
      config: { access: 'invoices.view' },
      schema: {
        tags: ['credit-notes'],
        summary: 'Get a credit note',
        params: idParams,
        response: replies(documentSchema),
      },
    },
    async (req) => ok(await creditNotes.get(ctx(req), req.params.id)),
  );
};
