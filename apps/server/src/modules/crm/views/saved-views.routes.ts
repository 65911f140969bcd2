import {
  idParams,
  savedViewCreateInput,
  savedViewListQuery,
  savedViewSchema,
  savedViewUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import {
  createSavedView,
  deleteSavedView,
  getSavedView,
  listSavedViews,
  updateSavedView,
} from './saved-views.service.ts';

const tags = ['saved-views'];
const base = '/api/v1/saved-views';

/** A person's own saved list views (filters, sort, columns); nobody else sees them. */
export const savedViewRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);

  r.get(
    base,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My saved views (of one list with ?entity=), by name',
        querystring: savedViewListQuery,
        response: listReplies(savedViewSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listSavedViews(ctx(req), req.query);
      return page(items, pagination);
    },
  );
  r.post(
    base,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Save a view of a list',
        body: savedViewCreateInput,
        response: replies(savedViewSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await createSavedView(ctx(req), req.body))),
  );
  r.get(
    `${base}/:id`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One of my saved views',
        params: idParams,
        response: replies(savedViewSchema),
      },
    },
    async (req) => ok(await getSavedView(ctx(req), req.params.id)),
  );
  r.patch(
    `${base}/:id`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Rename a saved view or change its query / columns (send its version)',
        params: idParams,
        body: savedViewUpdateInput,
        response: replies(savedViewSchema),
      },
    },
    async (req) => ok(await updateSavedView(ctx(req), req.params.id, req.body)),
  );
  r.delete(
    `${base}/:id`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Delete a saved view',
        params: idParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await deleteSavedView(ctx(req), req.params.id);
      return ok({ deleted: true as const });
    },
  );
};
