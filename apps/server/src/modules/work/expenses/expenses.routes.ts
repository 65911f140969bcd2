import {
  decisionInput,
  expenseCreateInput,
  expenseListQuery,
  expenseSchema,
  expenseUpdateInput,
  idParams,
  rejectReason,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { workService } from '../shared/record-service.ts';
import { type ExpenseAction, expenseAction } from './expense-actions.service.ts';
import { expenseDef, expenseRecord } from './expense-record.ts';

const optionalVersion = z.strictObject({ version: z.number().int().min(1).optional() }).nullish();
const ACTION_ROUTES: [ExpenseAction, z.ZodType, 'expenses.create' | 'expenses.approve'][] = [
  ['submit', optionalVersion, 'expenses.create'],
  ['approve', decisionInput, 'expenses.approve'],
  ['reject', rejectReason, 'expenses.approve'],
  ['reimburse', optionalVersion, 'expenses.approve'],
];

/** Expenses: the standard record routes plus submit, approve, reject and reimburse. */
export const expenseRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  registerRecordRoutes(app, database, {
    base: '/api/v1/expenses',
    tag: 'expenses',
    def: expenseDef,
    permissions: {
      view: 'expenses.view',
      create: 'expenses.create',
      update: 'expenses.create',
      delete: 'expenses.create',
    },
    schemas: {
      dto: expenseSchema,
      create: expenseCreateInput,
      update: expenseUpdateInput,
      list: expenseListQuery,
    },
    service: workService(expenseRecord),
  });
  for (const [action, body, access] of ACTION_ROUTES) {
    r.post(
      `/api/v1/expenses/:id/${action}`,
      {
        config: { access },
        schema: {
          tags: ['expenses'],
          summary: `${action} an expense`,
          params: idParams,
          body,
          response: replies(expenseSchema),
        },
      },
      async (req) =>
        ok(
          await expenseAction(
            ctx(req),
            req.params.id,
            action,
            (req.body ?? {}) as { version?: number; reason?: string },
          ),
        ),
    );
  }
};
