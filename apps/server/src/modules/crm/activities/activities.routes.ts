import {
  activityCreateInput,
  activityListQuery,
  activitySchema,
  activityUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/index.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import {
  archiveActivity,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  updateActivity,
} from './activities.service.ts';
import { activityDef } from './activity-record.ts';

/** Activities (calls, meetings, e-mails, notes) linked to a lead, contact, company or deal. */
export const activityRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/activities',
    tag: 'activities',
    def: activityDef,
    permissions: {
      view: 'activities.view',
      create: 'activities.create',
      update: 'activities.update',
      delete: 'activities.delete',
    },
    schemas: {
      dto: activitySchema,
      create: activityCreateInput,
      update: activityUpdateInput,
      list: activityListQuery,
    },
    service: {
      list: listActivities,
      get: getActivity,
      create: createActivity,
      update: updateActivity,
      archive: archiveActivity,
      remove: deleteActivity,
    },
  });
};
