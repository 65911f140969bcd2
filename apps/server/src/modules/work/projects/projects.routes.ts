import {
  milestoneCreateInput,
  milestoneListQuery,
  milestoneSchema,
  milestoneUpdateInput,
  projectCreateInput,
  projectListQuery,
  projectSchema,
  projectUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/index.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { workService } from '../shared/record-service.ts';
import { milestoneDef, milestoneRecord } from './milestone-record.ts';
import { projectDef, projectRecord } from './project-record.ts';

const view = 'projects.view' as const;
const manage = 'projects.manage' as const;
const permissions = { view, create: manage, update: manage, delete: manage };

/** Projects (with their timeline of linked tasks and activities) and milestones: the standard record routes. */
export const projectRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/projects',
    tag: 'projects',
    def: projectDef,
    permissions,
    schemas: {
      dto: projectSchema,
      create: projectCreateInput,
      update: projectUpdateInput,
      list: projectListQuery,
    },
    service: workService(projectRecord),
    timeline: 'project',
  });
  registerRecordRoutes(app, database, {
    base: '/api/v1/milestones',
    tag: 'milestones',
    def: milestoneDef,
    permissions,
    schemas: {
      dto: milestoneSchema,
      create: milestoneCreateInput,
      update: milestoneUpdateInput,
      list: milestoneListQuery,
    },
    service: workService(milestoneRecord),
  });
};
