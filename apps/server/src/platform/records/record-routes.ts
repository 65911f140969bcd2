import {
  archiveInput,
  idParams,
  type Pagination,
  type Permission,
  timelineItemSchema,
  timelineQuery,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { assertWritableFields } from '../access/index.ts';
import { type AuthedContext, authedContext } from '../context/service-context.ts';
import type { Database } from '../db/index.ts';
import { ok, page } from '../http/envelope.ts';
import { listReplies, replies } from '../http/route-schema.ts';
import { inTenant } from './in-tenant.ts';
import type { ArchiveChange, RecordDef } from './record-ops.ts';
import { timelineOf } from './timeline.ts';

/** Everything the standard record routes need from an entity: schemas, permissions and its service. */
export interface RecordRoutes<Dto, Create, Update, ListQuery> {
  base: string;
  tag: string;
  def: RecordDef;
  permissions: { view: Permission; create: Permission; update: Permission; delete: Permission };
  schemas: {
    dto: z.ZodType<Dto>;
    create: z.ZodType<Create>;
    update: z.ZodType<Update>;
    list: z.ZodType<ListQuery>;
  };
  service: {
    list(ctx: AuthedContext, query: ListQuery): Promise<{ items: Dto[]; pagination: Pagination }>;
    get(ctx: AuthedContext, id: string): Promise<Dto>;
    create(ctx: AuthedContext, input: Create): Promise<Dto>;
    update(ctx: AuthedContext, id: string, input: Update): Promise<Dto>;
    archive(ctx: AuthedContext, id: string, change: ArchiveChange): Promise<Dto>;
    remove(ctx: AuthedContext, id: string): Promise<void>;
  };
  /** Adds `GET <base>/:id/timeline` for records of this registered related type (see related.ts). */
  timeline?: string;
}

/** No body at all is fine too (Fastify hands the schema `null` for an empty POST body). */
const optionalVersion = z.strictObject({ version: archiveInput.shape.version.optional() }).nullish();

/**
 * The standard routes of a CRM record: list (keyset, sort, filters, q, total), create (201, Idempotency-Key),
 * get, patch (version → 409), delete, archive / restore, and the timeline. One mechanism for every entity.
 */
export const registerRecordRoutes = <Dto, Create, Update, ListQuery>(
  app: FastifyInstance,
  database: Database,
  spec: RecordRoutes<Dto, Create, Update, ListQuery>,
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { base, permissions: p, schemas: s, service } = spec;
  const tags = [spec.tag];
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  const label = spec.def.label.toLowerCase();

  r.get(
    base,
    {
      config: { access: p.view },
      schema: { tags, summary: `List ${spec.tag}`, querystring: s.list, response: listReplies(s.dto) },
    },
    async (req) => {
      const { items, pagination } = await service.list(ctx(req), req.query as ListQuery);
      return page(items, pagination);
    },
  );
  r.post(
    base,
    {
      config: { access: p.create, idempotency: 'in-transaction' },
      schema: { tags, summary: `Create a ${label}`, body: s.create, response: replies(s.dto, 201) },
    },
    async (req, reply) => {
      const c = ctx(req);
      assertWritableFields(c.auth, req.body as object);
      return reply.code(201).send(ok(await service.create(c, req.body as Create)));
    },
  );
  r.get(
    `${base}/:id`,
    {
      config: { access: p.view },
      schema: { tags, summary: `Get a ${label}`, params: idParams, response: replies(s.dto) },
    },
    async (req) => ok(await service.get(ctx(req), req.params.id)),
  );
  r.patch(
    `${base}/:id`,
    {
      config: { access: p.update },
      schema: {
        tags,
        summary: `Change a ${label} (send its version, or If-Match)`,
        params: idParams,
        body: s.update,
        response: replies(s.dto),
      },
    },
    async (req) => {
      const c = ctx(req);
      assertWritableFields(c.auth, req.body as object);
      return ok(await service.update(c, req.params.id, req.body as Update));
    },
  );
  r.delete(
    `${base}/:id`,
    {
      config: { access: p.delete },
      schema: {
        tags,
        summary: `Delete a ${label}`,
        params: idParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await service.remove(ctx(req), req.params.id);
      return ok({ deleted: true as const });
    },
  );
  for (const [action, archived] of [
    ['archive', true],
    ['restore', false],
  ] as const) {
    r.post(
      `${base}/:id/${action}`,
      {
        config: { access: archived ? p.delete : p.update },
        schema: {
          tags,
          summary: `${archived ? 'Archive' : 'Restore'} a ${label}`,
          params: idParams,
          body: optionalVersion,
          response: replies(s.dto),
        },
      },
      async (req) =>
        ok(await service.archive(ctx(req), req.params.id, { archived, version: req.body?.version })),
    );
  }
  const related = spec.timeline;
  if (related) {
    r.get(
      `${base}/:id/timeline`,
      {
        config: { access: p.view },
        schema: {
          tags,
          summary: `Activities, tasks and changes of a ${label}, newest first`,
          params: idParams,
          querystring: timelineQuery,
          response: listReplies(timelineItemSchema),
        },
      },
      async (req) => {
        const c = ctx(req);
        const { items, pagination } = await inTenant(c, (tx) =>
          timelineOf(tx, c, {
            type: related,
            id: req.params.id,
            limit: req.query.limit,
            cursor: req.query.cursor,
          }),
        );
        return page(items, pagination);
      },
    );
  }
};
