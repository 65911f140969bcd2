import {
  canvassStatsQuery,
  canvassStatsSchema,
  territoryCreateInput,
  territoryListQuery,
  territorySchema,
  territoryUpdateInput,
  visitCreateInput,
  visitListQuery,
  visitSchema,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import {
  archiveTerritory,
  createTerritory,
  deleteTerritory,
  getTerritory,
  listTerritories,
  updateTerritory,
} from './territories.service.ts';
import { territoryDef } from './territory-record.ts';
import { canvassStats, listVisits, recordVisit } from './visits.service.ts';

/** Door-to-door: territories (record routes), visits (record with visits.create) and per-agent day stats. */
export const canvassingRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/territories',
    tag: 'territories',
    def: territoryDef,
    permissions: {
      view: 'territories.view',
      create: 'territories.manage',
      update: 'territories.manage',
      delete: 'territories.manage',
    },
    schemas: {
      dto: territorySchema,
      create: territoryCreateInput,
      update: territoryUpdateInput,
      list: territoryListQuery,
    },
    service: {
      list: listTerritories,
      get: getTerritory,
      create: createTerritory,
      update: updateTerritory,
      archive: archiveTerritory,
      remove: deleteTerritory,
    },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  const tags = ['visits'];
  r.get(
    '/api/v1/visits',
    {
      config: { access: 'visits.view' },
      schema: {
        tags,
        summary: 'Door-to-door visits, newest first',
        querystring: visitListQuery,
        response: listReplies(visitSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listVisits(ctx(req), req.query);
      return page(items, pagination);
    },
  );
  r.post(
    '/api/v1/visits',
    {
      config: { access: 'visits.create' },
      schema: {
        tags,
        summary: 'Record a visit (interested / appointment_set / sale make a d2d lead)',
        body: visitCreateInput,
        response: replies(visitSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await recordVisit(ctx(req), req.body))),
  );
  r.get(
    '/api/v1/visits/stats',
    {
      config: { access: 'visits.view' },
      schema: {
        tags,
        summary:
          'Canvassing stats for a period: per agent per day, per agent and totals (doors, contacts, ' +
          'appointments, sales, leads); agents see their own',
        querystring: canvassStatsQuery,
        response: replies(canvassStatsSchema),
      },
    },
    async (req) => ok(await canvassStats(ctx(req), req.query)),
  );
};
