import { idParams } from '@tessera/contracts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { type DocumentFile, documentPdf, documentUblFile } from './document-files.service.ts';

const send = (reply: FastifyReply, file: DocumentFile, disposition: 'inline' | 'attachment') =>
  reply
    .type(file.contentType)
    .header('content-disposition', `${disposition}; filename="${file.filename}"`)
    .header('cache-control', 'private, no-store')
    .send(Buffer.from(file.content));

const KINDS = [
  { path: 'quotes', kind: 'quote', view: 'quotes.view', label: 'quote', ubl: false },
  { path: 'invoices', kind: 'invoice', view: 'invoices.view', label: 'invoice', ubl: true },
  { path: 'credit-notes', kind: 'credit_note', view: 'invoices.view', label: 'credit note', ubl: true },
] as const;

/** Files of a document: its PDF (all kinds) and its UBL 2.1 e-invoice (invoices, credit notes). */
export const documentFileRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  for (const k of KINDS) {
    r.get(
      `/api/v1/${k.path}/:id/pdf`,
      {
        config: { access: k.view },
        schema: {
          tags: ['sales'],
          summary: `The ${k.label} as PDF (needs ${k.view} and fields.money.view)`,
          params: idParams,
        },
      },
      async (req, reply) => send(reply, await documentPdf(ctx(req), k.kind, req.params.id), 'inline'),
    );
    if (!k.ubl) continue;
    r.get(
      `/api/v1/${k.path}/:id/ubl`,
      {
        config: { access: k.view },
        schema: {
          tags: ['sales'],
          summary: `The ${k.label} as UBL 2.1 XML, EN 16931 / Peppol BIS Billing 3.0 (issued documents only)`,
          params: idParams,
        },
      },
      async (req, reply) =>
        send(
          reply,
          await documentUblFile(ctx(req), k.kind as 'invoice' | 'credit_note', req.params.id),
          'attachment',
        ),
    );
  }
};
