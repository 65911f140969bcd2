import multipart from '@fastify/multipart';
import { idParams, importEntity, importJobSchema, importOptionsQuery, uuid } from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import type { SendJob } from '../../../platform/jobs/index.ts';
import { registeredImportEntities } from './import-entities.ts';
import { getImport, LIST_ERRORS, listImports } from './import-jobs.service.ts';
import { IMPORT_MAX_BYTES, startImport } from './import-upload.service.ts';

const importListQuery = z.strictObject({
  entity: importEntity.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

const IMPORT_HELP =
  'Multipart form: `file` (CSV, UTF-8, at most 50 MB; header row = row 1) and optionally `mapping`, a JSON ' +
  'object `{ "CSV header": "field" }` ("" ignores a column; other headers map automatically, e.g. ' +
  '"First name" → firstName). Answers 202 with the import id; follow it at `GET /imports/{id}`. Rows are ' +
  'validated with the create contract; `duplicates` decides what happens to rows sharing a key with an ' +
  'earlier row or an existing record. Imports are partial: valid rows are written even when others fail.';

/** CSV imports: upload (multipart) → background job `crm.import` → progress and report. */
export const importRoutes = async (app: FastifyInstance, deps: { database: Database; sendJob?: SendJob }) => {
  // Only these routes parse multipart; the file streams (never the whole body in memory).
  await app.register(multipart, {
    limits: { fileSize: IMPORT_MAX_BYTES, parts: 20, fields: 10, fieldSize: 256 * 1024 },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, deps.database);

  for (const { entity, permission } of registeredImportEntities()) {
    r.post(
      `/api/v1/${entity}/import`,
      {
        config: { access: permission },
        schema: {
          tags: [entity],
          summary: `Import ${entity} from a CSV file (background job)`,
          description: IMPORT_HELP,
          consumes: ['multipart/form-data'],
          querystring: importOptionsQuery,
          response: replies(z.object({ id: uuid }), 202),
        },
      },
      async (req, reply) =>
        reply.code(202).send(ok(await startImport(ctx(req), deps, { entity, req, options: req.query }))),
    );
  }

  r.get(
    '/api/v1/imports',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['imports'],
        summary: `Recent imports, newest first (each with the first ${LIST_ERRORS} report entries)`,
        querystring: importListQuery,
        response: listReplies(importJobSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listImports(ctx(req), req.query);
      return page(items, pagination);
    },
  );
  r.get(
    '/api/v1/imports/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['imports'],
        summary: 'Progress and report of an import (any import permission)',
        params: idParams,
        response: replies(importJobSchema),
      },
    },
    async (req) => ok(await getImport(ctx(req), req.params.id)),
  );
};
