import multipart from '@fastify/multipart';
import {
  attachedDocumentSchema,
  documentDeleteInput,
  documentLibraryQuery,
  documentLinkInput,
  documentLinkSchema,
  documentListQuery,
  documentVersionParams,
  documentVersionSchema,
  idParams,
  libraryDocumentSchema,
  recordDocumentsParams,
  signedDownloadQuery,
  uuid,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../platform/context/service-context.ts';
import { ok, page } from '../../platform/http/envelope.ts';
import { listReplies, replies } from '../../platform/http/route-schema.ts';
import { openSignedDownload } from './document-download.service.ts';
import { uploadDocument, uploadVersion } from './document-upload.service.ts';
import {
  createDownloadLink,
  deleteDocument,
  getDocument,
  listDocuments,
  listVersions,
} from './documents.service.ts';
import type { DocumentsDeps } from './documents-deps.ts';
import { listLibrary } from './documents-library.service.ts';

const tags = ['documents'];
const UPLOAD_HELP =
  'Multipart form: `file` (the bytes; its type is detected from the content, programs and scripts are ' +
  'refused with 415; larger than DOCUMENTS_MAX_BYTES → 413) and optionally `name`. Needs the view permission ' +
  'of the record type and sight of the record (record scope).';

/** Documents: files on any registered record type, versions, signed download links, soft delete. */
export const documentRoutes = async (app: FastifyInstance, deps: DocumentsDeps) => {
  // Only this plugin's routes parse multipart; the file streams to a temporary file, never whole in memory.
  await app.register(multipart, { limits: { fileSize: deps.maxBytes, files: 1, fields: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, deps.database);

  r.get(
    '/api/v1/records/:type/:id/documents',
    {
      config: { access: 'documents.view' },
      schema: {
        tags,
        summary: "A record's files, newest first",
        params: recordDocumentsParams,
        querystring: documentListQuery,
        response: listReplies(attachedDocumentSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listDocuments(ctx(req), req.params, req.query);
      return page(items, pagination);
    },
  );
  r.post(
    '/api/v1/records/:type/:id/documents',
    {
      config: { access: 'documents.manage' },
      schema: {
        tags,
        summary: 'Attach a file to a record',
        description: UPLOAD_HELP,
        consumes: ['multipart/form-data'],
        params: recordDocumentsParams,
        response: replies(attachedDocumentSchema, 201),
      },
    },
    async (req, reply) =>
      reply.code(201).send(ok(await uploadDocument(ctx(req), deps, { ref: req.params, req }))),
  );
  r.get(
    '/api/v1/documents',
    {
      config: { access: 'documents.view' },
      schema: {
        tags,
        summary: 'The documents library: every file the caller may see, across record types',
        description:
          "Live documents of records whose type's view permission the caller holds, within their record scope " +
          '(the rule of `GET /documents/{id}`). Keyset paging (`cursor`), `sort` `-createdAt` (default) or `name`; ' +
          'filters `recordType`, `uploadedBy` (user id or `me`), `family` (image, pdf, audio, other), ' +
          '`createdFrom`/`createdTo`, `q` (part of the name).',
        querystring: documentLibraryQuery,
        response: listReplies(libraryDocumentSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listLibrary(ctx(req), req.query);
      return page(items, pagination);
    },
  );
  r.get(
    '/api/v1/documents/:id',
    {
      config: { access: 'documents.view' },
      schema: {
        tags,
        summary: 'A document and its current version',
        params: idParams,
        response: replies(attachedDocumentSchema),
      },
    },
    async (req) => ok(await getDocument(ctx(req), req.params.id)),
  );
  r.delete(
    '/api/v1/documents/:id',
    {
      config: { access: 'documents.manage' },
      schema: {
        tags,
        summary: 'Delete a document (soft: kept with its versions, audited)',
        params: idParams,
        body: documentDeleteInput,
        response: replies(z.object({ id: uuid })),
      },
    },
    async (req) => {
      await deleteDocument(ctx(req), req.params.id, req.body.version);
      return ok({ id: req.params.id });
    },
  );
  r.get(
    '/api/v1/documents/:id/versions',
    {
      config: { access: 'documents.view' },
      schema: {
        tags,
        summary: 'Every version of a document, newest first',
        params: idParams,
        response: replies(z.array(documentVersionSchema)),
      },
    },
    async (req) => ok(await listVersions(ctx(req), req.params.id)),
  );
  r.post(
    '/api/v1/documents/:id/versions',
    {
      config: { access: 'documents.manage' },
      schema: {
        tags,
        summary: 'Upload a new version of a document',
        description: UPLOAD_HELP,
        consumes: ['multipart/form-data'],
        params: idParams,
        response: replies(attachedDocumentSchema, 201),
      },
    },
    async (req, reply) =>
      reply.code(201).send(ok(await uploadVersion(ctx(req), deps, { id: req.params.id, req }))),
  );
  r.post(
    '/api/v1/documents/:id/versions/:versionId/link',
    {
      config: { access: 'documents.view', idempotency: false },
      schema: {
        tags,
        summary: 'A signed download link for one version (no cookie needed; expires, default 15 minutes)',
        params: documentVersionParams,
        body: documentLinkInput,
        response: replies(documentLinkSchema),
      },
    },
    async (req) => ok(await createDownloadLink(ctx(req), deps, { ...req.params, inline: req.body.inline })),
  );
  r.get(
    '/api/v1/files/:versionId',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Download through a signed link (made by POST …/link)',
        params: z.strictObject({ versionId: uuid }),
        querystring: signedDownloadQuery,
        produces: ['application/octet-stream'],
      },
    },
    async (req, reply) => {
      const { body, headers } = await openSignedDownload(deps, req.log as never, {
        versionId: req.params.versionId,
        query: req.query,
      });
      return reply.headers(headers).send(body);
    },
  );
};
