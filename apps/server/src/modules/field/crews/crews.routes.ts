import { crewCreateInput, crewListQuery, crewSchema, crewUpdateInput } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/index.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { crewDef } from './crew-record.ts';
import { archiveCrew, createCrew, deleteCrew, getCrew, listCrews, updateCrew } from './crews.service.ts';

/** Crews: read with crews.view, change with crews.manage. */
export const crewRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/crews',
    tag: 'crews',
    def: crewDef,
    permissions: {
      view: 'crews.view',
      create: 'crews.manage',
      update: 'crews.manage',
      delete: 'crews.manage',
    },
    schemas: { dto: crewSchema, create: crewCreateInput, update: crewUpdateInput, list: crewListQuery },
    service: {
      list: listCrews,
      get: getCrew,
      create: createCrew,
      update: updateCrew,
      archive: archiveCrew,
      remove: deleteCrew,
    },
  });
};
