import { idParams, pipelineCreateInput, pipelineSchema, pipelineUpdateInput } from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import {
  createPipeline,
  deletePipeline,
  getPipeline,
  listPipelines,
  updatePipeline,
} from './pipelines.service.ts';

const tags = ['pipelines'];

/** Pipelines and their stages: read with deals.view, change with pipelines.manage. */
export const pipelineRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);

  r.get(
    '/api/v1/pipelines',
    {
      config: { access: 'deals.view' },
      schema: {
        tags,
        summary: 'The pipelines with their stages in order, the default first',
        response: replies(z.array(pipelineSchema)),
      },
    },
    async (req) => ok(await listPipelines(ctx(req))),
  );
  r.post(
    '/api/v1/pipelines',
    {
      config: { access: 'pipelines.manage' },
      schema: {
        tags,
        summary: 'Create a pipeline with its stages',
        body: pipelineCreateInput,
        response: replies(pipelineSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await createPipeline(ctx(req), req.body))),
  );
  r.get(
    '/api/v1/pipelines/:id',
    {
      config: { access: 'deals.view' },
      schema: { tags, summary: 'Get a pipeline', params: idParams, response: replies(pipelineSchema) },
    },
    async (req) => ok(await getPipeline(ctx(req), req.params.id)),
  );
  r.patch(
    '/api/v1/pipelines/:id',
    {
      config: { access: 'pipelines.manage' },
      schema: {
        tags,
        summary:
          'Rename, make default, or replace the stages (send every stage; keep ids of the ones that stay)',
        params: idParams,
        body: pipelineUpdateInput,
        response: replies(pipelineSchema),
      },
    },
    async (req) => ok(await updatePipeline(ctx(req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/pipelines/:id',
    {
      config: { access: 'pipelines.manage' },
      schema: {
        tags,
        summary: 'Delete a pipeline without deals (not the default one)',
        params: idParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await deletePipeline(ctx(req), req.params.id);
      return ok({ deleted: true as const });
    },
  );
};
