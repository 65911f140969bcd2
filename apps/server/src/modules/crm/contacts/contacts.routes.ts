import { contactCreateInput, contactListQuery, contactSchema, contactUpdateInput } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../platform/db/index.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { contactDef } from './contact-record.ts';
import {
  archiveContact,
  createContact,
  deleteContact,
  getContact,
  listContacts,
  updateContact,
} from './contacts.service.ts';

/** Contacts: the standard record routes (with the company name joined in). */
export const contactRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/contacts',
    tag: 'contacts',
    def: contactDef,
    permissions: {
      view: 'contacts.view',
      create: 'contacts.create',
      update: 'contacts.update',
      delete: 'contacts.delete',
    },
    schemas: {
      dto: contactSchema,
      create: contactCreateInput,
      update: contactUpdateInput,
      list: contactListQuery,
    },
    service: {
      list: listContacts,
      get: getContact,
      create: createContact,
      update: updateContact,
      archive: archiveContact,
      remove: deleteContact,
    },
    timeline: 'contact',
  });
};
