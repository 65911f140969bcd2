import {
  documentActionInput,
  idParams,
  recurringInvoiceCreateInput,
  recurringInvoiceListQuery,
  recurringInvoiceSchema,
  recurringInvoiceUpdateInput,
  recurringRunListSchema,
  recurringRunSchema,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import type { SalesDeps } from '../sales-deps.ts';
import { listRuns, recurringService, setPaused } from './recurring.service.ts';
import { runNow } from './recurring-generate.ts';
import { recurringDef } from './recurring-record.ts';

const today = () => new Date().toISOString().slice(0, 10);

/** Recurring invoice templates: the standard record routes, pause / resume, run now, the invoices made. */
export const recurringRoutes = async (app: FastifyInstance, deps: SalesDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, deps.database);
  const base = '/api/v1/recurring-invoices';
  const tags = ['recurring-invoices'];

  registerRecordRoutes(app, deps.database, {
    base,
    tag: 'recurring-invoices',
    def: recurringDef,
    permissions: {
      view: 'recurring_invoices.view',
      create: 'recurring_invoices.manage',
      update: 'recurring_invoices.manage',
      delete: 'recurring_invoices.manage',
    },
    schemas: {
      dto: recurringInvoiceSchema,
      create: recurringInvoiceCreateInput,
      update: recurringInvoiceUpdateInput,
      list: recurringInvoiceListQuery,
    },
    service: recurringService,
  });

  for (const [action, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    r.post(
      `${base}/:id/${action}`,
      {
        config: { access: 'recurring_invoices.manage' },
        schema: {
          tags,
          summary: paused ? 'Pause a template (no invoices until resumed)' : 'Resume a paused template',
          params: idParams,
          body: documentActionInput,
          response: replies(recurringInvoiceSchema),
        },
      },
      async (req) => ok(await setPaused(ctx(req), req.params.id, paused, req.body?.version)),
    );
  }
  r.post(
    `${base}/:id/run`,
    {
      config: { access: 'recurring_invoices.run' },
      schema: {
        tags,
        summary: 'Make the next period’s invoice now (issued and sent when the template says so)',
        params: idParams,
        body: documentActionInput,
        response: replies(recurringRunSchema, 201),
      },
    },
    async (req, reply) =>
      reply.code(201).send(ok(await runNow(ctx(req), { sendJob: deps.sendJob }, req.params.id, today()))),
  );
  r.get(
    `${base}/:id/runs`,
    {
      config: { access: 'recurring_invoices.view' },
      schema: {
        tags,
        summary: 'The invoices a template made, newest period first',
        params: idParams,
        response: replies(recurringRunListSchema),
      },
    },
    async (req) => ok(await listRuns(ctx(req), req.params.id)),
  );
};
