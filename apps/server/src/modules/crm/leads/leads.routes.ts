import {
  duplicateGroupSchema,
  idParams,
  leadAssignInput,
  leadConvertInput,
  leadConvertResult,
  leadCreateInput,
  leadListQuery,
  leadMergeInput,
  leadSchema,
  leadStatusInput,
  leadUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { assignLead, changeLeadStatus } from './lead-actions.service.ts';
import { convertLead } from './lead-convert.service.ts';
import { findDuplicateLeads, mergeLeads } from './lead-duplicates.service.ts';
import { leadDef } from './lead-record.ts';
import { archiveLead, createLead, deleteLead, getLead, listLeads, updateLead } from './leads.service.ts';

const tags = ['leads'];

export const leadRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);

  // Fixed paths before the generic /:id routes (find-my-way prefers static segments anyway).
  r.get(
    '/api/v1/leads/duplicates',
    {
      config: { access: 'leads.view' },
      schema: {
        tags,
        summary: 'Groups of leads sharing an e-mail, phone or name',
        response: replies(z.array(duplicateGroupSchema)),
      },
    },
    async (req) => ok(await findDuplicateLeads(ctx(req))),
  );
  r.post(
    '/api/v1/leads/merge',
    {
      config: { access: 'leads.update' },
      schema: {
        tags,
        summary: 'Merge duplicate leads into one',
        body: leadMergeInput,
        response: replies(leadSchema),
      },
    },
    async (req) => ok(await mergeLeads(ctx(req), req.body)),
  );
  registerRecordRoutes(app, database, {
    base: '/api/v1/leads',
    tag: 'leads',
    def: leadDef,
    permissions: {
      view: 'leads.view',
      create: 'leads.create',
      update: 'leads.update',
      delete: 'leads.delete',
    },
    schemas: { dto: leadSchema, create: leadCreateInput, update: leadUpdateInput, list: leadListQuery },
    service: {
      list: listLeads,
      get: getLead,
      create: createLead,
      update: updateLead,
      archive: archiveLead,
      remove: deleteLead,
    },
    timeline: 'lead',
  });

  r.post(
    '/api/v1/leads/:id/status',
    {
      config: { access: 'leads.update' },
      schema: {
        tags,
        summary: 'Move a lead to another status (valid transitions only)',
        params: idParams,
        body: leadStatusInput,
        response: replies(leadSchema),
      },
    },
    async (req) => ok(await changeLeadStatus(ctx(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/leads/:id/assign',
    {
      config: { access: 'leads.update' },
      schema: {
        tags,
        summary: 'Give a lead to another member (or nobody)',
        params: idParams,
        body: leadAssignInput,
        response: replies(leadSchema),
      },
    },
    async (req) => ok(await assignLead(ctx(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/leads/:id/convert',
    {
      config: { access: 'leads.update' },
      schema: {
        tags,
        summary: 'Convert a lead into contact + company + deal (one transaction)',
        params: idParams,
        body: leadConvertInput,
        response: replies(leadConvertResult),
      },
    },
    async (req) => ok(await convertLead(ctx(req), req.params.id, req.body)),
  );
};
