import {
  billableTimeSchema,
  decisionInput,
  idParams,
  invoiceTimeInput,
  invoiceTimePreviewSchema,
  invoiceTimeQuery,
  invoiceTimeResult,
  markInvoicedInput,
  markInvoicedResult,
  milestoneInvoiceParams,
  milestoneInvoiceResult,
  rejectReason,
  timeEntryCreateInput,
  timeEntryListQuery,
  timeEntrySchema,
  timeEntryUpdateInput,
  timesheetListQuery,
  timesheetWeekParams,
  timesheetWeekSaveInput,
  timesheetWeekSchema,
  timesheetWeekSummarySchema,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { invoiceMilestone } from '../projects/milestone-invoice.service.ts';
import { workService } from '../shared/record-service.ts';
import { billableTime, markInvoiced } from './billing.service.ts';
import { invoiceTime, invoiceTimePreview } from './invoice-time.service.ts';
import { timeEntryDef, timeEntryRecord } from './time-entry-record.ts';
import { decideWeek, getWeek, listWeeks, saveWeek, submitWeek } from './weeks.service.ts';

const tags = ['timesheets'];
const week = '/api/v1/timesheets/:userId/:weekStart';
const submitBody = z.strictObject({ version: z.number().int().min(0).optional() }).nullish();

/** Time entries, weekly sheets (save, submit, approve, reject), the approvals queue and billable time. */
export const timesheetRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);

  registerRecordRoutes(app, database, {
    base: '/api/v1/time-entries',
    tag: 'timesheets',
    def: timeEntryDef,
    permissions: {
      view: 'timesheets.view',
      create: 'timesheets.create',
      update: 'timesheets.create',
      delete: 'timesheets.create',
    },
    schemas: {
      dto: timeEntrySchema,
      create: timeEntryCreateInput,
      update: timeEntryUpdateInput,
      list: timeEntryListQuery,
    },
    service: workService(timeEntryRecord),
  });

  r.get(
    '/api/v1/timesheets',
    {
      config: { access: 'timesheets.view' },
      schema: {
        tags,
        summary: 'Timesheet weeks by state (status=submitted: the approvals queue)',
        querystring: timesheetListQuery,
        response: listReplies(timesheetWeekSummarySchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listWeeks(ctx(req), req.query);
      return page(items, pagination);
    },
  );
  r.get(
    week,
    {
      config: { access: 'timesheets.view' },
      schema: {
        tags,
        summary: "A member's week",
        params: timesheetWeekParams,
        response: replies(timesheetWeekSchema),
      },
    },
    async (req) => ok(await getWeek(ctx(req), req.params.userId, req.params.weekStart)),
  );
  r.put(
    week,
    {
      config: { access: 'timesheets.create' },
      schema: {
        tags,
        summary: "Save a member's weekly grid (replaces the week's entries)",
        params: timesheetWeekParams,
        body: timesheetWeekSaveInput,
        response: replies(timesheetWeekSchema),
      },
    },
    async (req) => ok(await saveWeek(ctx(req), req.params.userId, req.params.weekStart, req.body)),
  );
  r.post(
    `${week}/submit`,
    {
      config: { access: 'timesheets.create' },
      schema: {
        tags,
        summary: 'Submit a week for approval',
        params: timesheetWeekParams,
        body: submitBody,
        response: replies(timesheetWeekSchema),
      },
    },
    async (req) => ok(await submitWeek(ctx(req), req.params.userId, req.params.weekStart, req.body?.version)),
  );
  for (const [action, body] of [
    ['approve', decisionInput],
    ['reject', rejectReason],
  ] as const) {
    r.post(
      `${week}/${action}`,
      {
        config: { access: 'timesheets.approve' },
        schema: {
          tags,
          summary: `${action === 'approve' ? 'Approve' : 'Reject (with a reason)'} a submitted week`,
          params: timesheetWeekParams,
          body,
          response: replies(timesheetWeekSchema),
        },
      },
      async (req) =>
        ok(
          await decideWeek(ctx(req), req.params.userId, req.params.weekStart, {
            approve: action === 'approve',
            ...(req.body as { version: number; reason?: string }),
          }),
        ),
    );
  }
  r.get(
    '/api/v1/projects/:id/billable-time',
    {
      config: { access: 'projects.manage' },
      schema: {
        tags,
        summary: 'Approved billable time of a project not yet invoiced, priced (the export for invoicing)',
        params: idParams,
        response: replies(billableTimeSchema),
      },
    },
    async (req) => ok(await billableTime(ctx(req), req.params.id)),
  );
  r.post(
    '/api/v1/projects/:id/billable-time/invoiced',
    {
      config: { access: 'projects.manage' },
      schema: {
        tags,
        summary: 'Mark approved billable entries as invoiced (once; all or none)',
        params: idParams,
        body: markInvoicedInput,
        response: replies(markInvoicedResult),
      },
    },
    async (req) => ok(await markInvoiced(ctx(req), req.params.id, req.body)),
  );
  r.get(
    '/api/v1/projects/:id/invoice-time',
    {
      config: { access: 'invoices.manage' },
      schema: {
        tags,
        summary: 'Preview the draft invoice of the project’s billable time (needs projects.view too)',
        params: idParams,
        querystring: invoiceTimeQuery,
        response: replies(invoiceTimePreviewSchema),
      },
    },
    async (req) => ok(await invoiceTimePreview(ctx(req), req.params.id, req.query)),
  );
  r.post(
    '/api/v1/projects/:id/milestones/:milestoneId/invoice',
    {
      config: { access: 'invoices.manage', idempotency: 'in-transaction' },
      schema: {
        tags,
        summary:
          'Invoice a reached fixed-price milestone: a draft invoice for the client with its amount, the milestone billed (once)',
        params: milestoneInvoiceParams,
        body: z.strictObject({}).nullish(),
        response: replies(milestoneInvoiceResult, 201),
      },
    },
    async (req, reply) =>
      reply.code(201).send(ok(await invoiceMilestone(ctx(req), req.params.id, req.params.milestoneId))),
  );
  r.post(
    '/api/v1/projects/:id/invoice-time',
    {
      config: { access: 'invoices.manage', idempotency: 'in-transaction' },
      schema: {
        tags,
        summary:
          'Invoice the project’s approved billable time: a draft invoice for its client, the entries marked invoiced (once)',
        params: idParams,
        body: invoiceTimeInput.nullish(),
        response: replies(invoiceTimeResult, 201),
      },
    },
    async (req, reply) =>
      reply.code(201).send(ok(await invoiceTime(ctx(req), req.params.id, req.body ?? {}))),
  );
};
