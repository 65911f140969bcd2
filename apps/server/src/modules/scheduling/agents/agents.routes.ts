import { agentCreateInput, agentListQuery, agentSchema, agentUpdateInput } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/index.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { agentDef } from './agent-record.ts';
import {
  archiveAgent,
  createAgent,
  deleteAgent,
  getAgent,
  listAgents,
  updateAgent,
} from './agents.service.ts';

/** Agents and their availability: anyone with appointments.view reads, availability.manage changes. */
export const agentRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/scheduling/agents',
    tag: 'scheduling',
    def: agentDef,
    permissions: {
      view: 'appointments.view',
      create: 'availability.manage',
      update: 'availability.manage',
      delete: 'availability.manage',
    },
    schemas: { dto: agentSchema, create: agentCreateInput, update: agentUpdateInput, list: agentListQuery },
    service: {
      list: listAgents,
      get: getAgent,
      create: createAgent,
      update: updateAgent,
      archive: archiveAgent,
      remove: deleteAgent,
    },
  });
};
