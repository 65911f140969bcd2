import {
  leadVendorCreateInput,
  leadVendorListQuery,
  leadVendorSchema,
  leadVendorUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/index.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { vendorDef } from './vendor-record.ts';
import {
  archiveVendor,
  createVendor,
  deleteVendor,
  getVendor,
  listVendors,
  updateVendor,
} from './vendors.service.ts';

/** Lead vendors: read with leads.view, change with leads.update (the marketing role manages them). */
export const vendorRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/lead-vendors',
    tag: 'lead-vendors',
    def: vendorDef,
    permissions: {
      view: 'leads.view',
      create: 'leads.update',
      update: 'leads.update',
      delete: 'leads.update',
    },
    schemas: {
      dto: leadVendorSchema,
      create: leadVendorCreateInput,
      update: leadVendorUpdateInput,
      list: leadVendorListQuery,
    },
    service: {
      list: listVendors,
      get: getVendor,
      create: createVendor,
      update: updateVendor,
      archive: archiveVendor,
      remove: deleteVendor,
    },
  });
};
