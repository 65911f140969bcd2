import {
  deliveryNoteCancelInput,
  deliveryNoteCreateInput,
  deliveryNoteListQuery,
  deliveryNoteSchema,
  deliveryStatusSchema,
  idParams,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import { deliveryNotePdf } from './delivery-note-pdf.ts';
import {
  cancelDeliveryNote,
  createDeliveryNote,
  deliveryStatus,
  getDeliveryNote,
  listDeliveryNotes,
} from './delivery-notes.service.ts';

const SOURCES = [
  { path: 'invoices', kind: 'invoice', label: 'an invoice' },
  { path: 'quotes', kind: 'quote', label: 'a quote' },
] as const;

/** Delivery notes: made from a quote or an invoice, listed, read, and rendered as PDF. */
export const deliveryNoteRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  const tags = ['delivery-notes'];
  for (const s of SOURCES) {
    r.post(
      `/api/v1/${s.path}/:id/delivery-notes`,
      {
        config: { access: 'delivery_notes.create' },
        schema: {
          tags,
          summary: `Deliver lines of ${s.label} (never more than ordered in total)`,
          params: idParams,
          body: deliveryNoteCreateInput,
          response: replies(deliveryNoteSchema, 201),
        },
      },
      async (req, reply) =>
        reply.code(201).send(ok(await createDeliveryNote(ctx(req), s.kind, req.params.id, req.body))),
    );
    r.get(
      `/api/v1/${s.path}/:id/delivery-notes`,
      {
        config: { access: 'delivery_notes.view' },
        schema: {
          tags,
          summary: `What was ordered, delivered and is still open per line of ${s.label}; its delivery notes`,
          params: idParams,
          response: replies(deliveryStatusSchema),
        },
      },
      async (req) => ok(await deliveryStatus(ctx(req), s.kind, req.params.id)),
    );
  }
  r.get(
    '/api/v1/delivery-notes',
    {
      config: { access: 'delivery_notes.view' },
      schema: {
        tags,
        summary: 'List delivery notes',
        querystring: deliveryNoteListQuery,
        response: listReplies(deliveryNoteSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listDeliveryNotes(ctx(req), req.query);
      return page(items, pagination);
    },
  );
  r.get(
    '/api/v1/delivery-notes/:id',
    {
      config: { access: 'delivery_notes.view' },
      schema: {
        tags,
        summary: 'Get a delivery note',
        params: idParams,
        response: replies(deliveryNoteSchema),
      },
    },
    async (req) => ok(await getDeliveryNote(ctx(req), req.params.id)),
  );
  r.post(
    '/api/v1/delivery-notes/:id/cancel',
    {
      config: { access: 'delivery_notes.create' },
      schema: {
        tags,
        summary: 'Cancel a delivery note (keeps its number; its quantities are open again)',
        params: idParams,
        body: deliveryNoteCancelInput,
        response: replies(deliveryNoteSchema),
      },
    },
    async (req) => ok(await cancelDeliveryNote(ctx(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/delivery-notes/:id/pdf',
    {
      config: { access: 'delivery_notes.view' },
      schema: { tags, summary: 'The delivery note as PDF', params: idParams },
    },
    async (req, reply) => {
      const file = await deliveryNotePdf(ctx(req), req.params.id);
      return reply
        .type(file.contentType)
        .header('content-disposition', `inline; filename="${file.filename}"`)
        .header('cache-control', 'private, no-store')
        .send(Buffer.from(file.content));
    },
  );
};
