import {
  companyCreateInput,
  companyListQuery,
  companySchema,
  companyUpdateInput,
  contactSchema,
  dealSchema,
  idParams,
  listQuery,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { page } from '../../../platform/http/envelope.ts';
import { listReplies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import {
  archiveCompany,
  createCompany,
  deleteCompany,
  getCompany,
  listCompanies,
  listCompanyContacts,
  listCompanyDeals,
  updateCompany,
} from './companies.service.ts';
import { companyDef } from './company-record.ts';

const tags = ['companies'];

/** Companies: the standard record routes plus a company's contacts and deals. */
export const companyRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);

  registerRecordRoutes(app, database, {
    base: '/api/v1/companies',
    tag: 'companies',
    def: companyDef,
    permissions: {
      view: 'companies.view',
      create: 'companies.create',
      update: 'companies.update',
      delete: 'companies.delete',
    },
    schemas: {
      dto: companySchema,
      create: companyCreateInput,
      update: companyUpdateInput,
      list: companyListQuery,
    },
    service: {
      list: listCompanies,
      get: getCompany,
      create: createCompany,
      update: updateCompany,
      archive: archiveCompany,
      remove: deleteCompany,
    },
    timeline: 'company',
  });

  r.get(
    '/api/v1/companies/:id/contacts',
    {
      config: { access: 'companies.view' },
      schema: {
        tags,
        summary: "A company's contacts by last name (needs contacts.view too)",
        params: idParams,
        querystring: listQuery,
        response: listReplies(contactSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listCompanyContacts(ctx(req), req.params.id, req.query);
      return page(items, pagination);
    },
  );
  r.get(
    '/api/v1/companies/:id/deals',
    {
      config: { access: 'companies.view' },
      schema: {
        tags,
        summary: "A company's deals, latest change first (needs deals.view too)",
        params: idParams,
        querystring: listQuery,
        response: listReplies(dealSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listCompanyDeals(ctx(req), req.params.id, req.query);
      return page(items, pagination);
    },
  );
};
