import {
  contractorCustomerInput,
  contractorCustomerSchema,
  idParams,
  jobAssignInput,
  jobCreateInput,
  jobListQuery,
  jobSchema,
  jobStatusInput,
  jobStatusStepSchema,
  jobUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { linkContractor, listContractorLinks, unlinkContractor } from './contractor-links.service.ts';
import { assignJob, changeJobStatus } from './job-actions.service.ts';
import { jobDef } from './job-record.ts';
import { archiveJob, createJob, deleteJob, getJob, jobHistory, listJobs, updateJob } from './jobs.service.ts';

/** Jobs (work orders and loads): the record routes, plus assign (jobs.dispatch), status (jobs.work), history. */
export const jobRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/jobs',
    tag: 'jobs',
    def: jobDef,
    permissions: { view: 'jobs.view', create: 'jobs.manage', update: 'jobs.manage', delete: 'jobs.manage' },
    schemas: { dto: jobSchema, create: jobCreateInput, update: jobUpdateInput, list: jobListQuery },
    service: {
      list: listJobs,
      get: getJob,
      create: createJob,
      update: updateJob,
      archive: archiveJob,
      remove: deleteJob,
    },
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  const tags = ['jobs'];
  r.post(
    '/api/v1/jobs/:id/assign',
    {
      config: { access: 'jobs.dispatch' },
      schema: {
        tags,
        summary: 'Assign a job to a crew and window, reschedule it, or unassign it (crewId null)',
        params: idParams,
        body: jobAssignInput,
        response: replies(jobSchema),
      },
    },
    async (req) => ok(await assignJob(ctx(req), req.params.id, req.body)),
  );
  r.post(
    '/api/v1/jobs/:id/status',
    {
      config: { access: 'jobs.work' },
      schema: {
        tags,
        summary: 'Move a job along its status flow (send Idempotency-Key and occurredAt from devices)',
        params: idParams,
        body: jobStatusInput,
        response: replies(jobSchema),
      },
    },
    async (req) => ok(await changeJobStatus(ctx(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/jobs/:id/history',
    {
      config: { access: 'jobs.view' },
      schema: {
        tags,
        summary: "A job's status steps, oldest first",
        params: idParams,
        response: replies(z.array(jobStatusStepSchema)),
      },
    },
    async (req) => ok(await jobHistory(ctx(req), req.params.id)),
  );
  const links = ['contractors'];
  r.get(
    '/api/v1/contractor-customers',
    {
      config: { access: 'jobs.view' },
      schema: {
        tags: links,
        summary: 'Which customers each contractor works for',
        response: replies(z.array(contractorCustomerSchema)),
      },
    },
    async (req) => ok(await listContractorLinks(ctx(req))),
  );
  r.post(
    '/api/v1/contractor-customers',
    {
      config: { access: 'jobs.dispatch' },
      schema: {
        tags: links,
        summary: "Link a contractor to a customer company: they see that company's jobs",
        body: contractorCustomerInput,
        response: replies(contractorCustomerSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await linkContractor(ctx(req), req.body))),
  );
  r.delete(
    '/api/v1/contractor-customers/:id',
    {
      config: { access: 'jobs.dispatch' },
      schema: {
        tags: links,
        summary: 'Remove a contractor link',
        params: idParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await unlinkContractor(ctx(req), req.params.id);
      return ok({ deleted: true as const });
    },
  );
};
