import {
  appointmentTypeCreateInput,
  appointmentTypeListQuery,
  appointmentTypeSchema,
  appointmentTypeUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/index.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { typeDef } from './type-record.ts';
import { archiveType, createType, deleteType, getType, listTypes, updateType } from './types.service.ts';

/** Appointment types: anyone with appointments.view reads, booking.manage changes. */
export const appointmentTypeRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/scheduling/types',
    tag: 'scheduling',
    def: typeDef,
    permissions: {
      view: 'appointments.view',
      create: 'booking.manage',
      update: 'booking.manage',
      delete: 'booking.manage',
    },
    schemas: {
      dto: appointmentTypeSchema,
      create: appointmentTypeCreateInput,
      update: appointmentTypeUpdateInput,
      list: appointmentTypeListQuery,
    },
    service: {
      list: listTypes,
      get: getType,
      create: createType,
      update: updateType,
      archive: archiveType,
      remove: deleteType,
    },
  });
};
