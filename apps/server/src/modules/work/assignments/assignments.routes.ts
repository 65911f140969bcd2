import {
  assignmentCreateInput,
  assignmentListQuery,
  assignmentSchema,
  assignmentUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/index.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { workService } from '../shared/record-service.ts';
import { assignmentDef, assignmentRecord } from './assignment-record.ts';

/** Members on projects: the standard record routes; every answer carries over-allocation warnings. */
export const assignmentRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/assignments',
    tag: 'assignments',
    def: assignmentDef,
    permissions: {
      view: 'projects.view',
      create: 'projects.manage',
      update: 'projects.manage',
      delete: 'projects.manage',
    },
    schemas: {
      dto: assignmentSchema,
      create: assignmentCreateInput,
      update: assignmentUpdateInput,
      list: assignmentListQuery,
    },
    service: workService(assignmentRecord),
  });
};
