import {
  dealCreateInput,
  dealListQuery,
  dealLostInput,
  dealSchema,
  dealStageInput,
  dealUpdateInput,
  dealWonInput,
  idParams,
  pipelineBoardQuery,
  pipelineBoardSchema,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { loseDeal, moveDealStage, winDeal } from './deal-actions.service.ts';
import { pipelineBoard } from './deal-board.service.ts';
import { dealDef } from './deal-record.ts';
import { archiveDeal, createDeal, deleteDeal, getDeal, listDeals, updateDeal } from './deals.service.ts';

const tags = ['deals'];

/** Deals: the standard record routes, stage moves (kanban drag), won / lost, and a pipeline's board. */
export const dealRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);

  registerRecordRoutes(app, database, {
    base: '/api/v1/deals',
    tag: 'deals',
    def: dealDef,
    permissions: {
      view: 'deals.view',
      create: 'deals.create',
      update: 'deals.update',
      delete: 'deals.delete',
    },
    schemas: { dto: dealSchema, create: dealCreateInput, update: dealUpdateInput, list: dealListQuery },
    service: {
      list: listDeals,
      get: getDeal,
      create: createDeal,
      update: updateDeal,
      archive: archiveDeal,
      remove: deleteDeal,
    },
    timeline: 'deal',
  });

  r.post(
    '/api/v1/deals/:id/stage',
    {
      config: { access: 'deals.update' },
      schema: {
        tags,
        summary: 'Move a deal to another stage of its pipeline (won / lost stages close it)',
        params: idParams,
        body: dealStageInput,
        response: replies(dealSchema),
      },
    },
    async (req) => ok(await moveDealStage(ctx(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/deals/:id/won',
    {
      config: { access: 'deals.update' },
      schema: {
        tags,
        summary: 'Mark a deal won (moves it to the won stage)',
        params: idParams,
        body: dealWonInput.nullish(),
        response: replies(dealSchema),
      },
    },
    async (req) => ok(await winDeal(ctx(req), req.params.id, req.body ?? {})),
  );
  r.post(
    '/api/v1/deals/:id/lost',
    {
      config: { access: 'deals.update' },
      schema: {
        tags,
        summary: 'Mark a deal lost with the reason (moves it to the lost stage)',
        params: idParams,
        body: dealLostInput,
        response: replies(dealSchema),
      },
    },
    async (req) => ok(await loseDeal(ctx(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/pipelines/:id/board',
    {
      config: { access: 'deals.view' },
      schema: {
        tags,
        summary:
          'The kanban: stages with their open deals and those closed in the period (newest change first, 200 per stage)',
        params: idParams,
        querystring: pipelineBoardQuery,
        response: replies(pipelineBoardSchema),
      },
    },
    async (req) => ok(await pipelineBoard(ctx(req), req.params.id, req.query)),
  );
};
