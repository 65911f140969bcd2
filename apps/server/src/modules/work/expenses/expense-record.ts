import type { Expense, expenseCreateInput, expenseUpdateInput } from '@tessera/contracts';
import { eq, getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import { redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { conflictOn, dbRules, invalidOn } from '../shared/db-rules.ts';
import { assertActsFor, ownRowsOnly, resolveMe, selfId } from '../shared/people.ts';
import type { WorkRecord } from '../shared/record-service.ts';
import { expenses } from './expenses.tables.ts';

export type ExpenseRow = typeof expenses.$inferSelect;

export const expenseDef: kit.RecordDef = {
  name: 'expense',
  label: 'Expense',
  table: expenses,
  scope: 'projects',
  auditFields: [
    'userId',
    'expenseDate',
    'projectId',
    'category',
    'amountCents',
    'taxCents',
    'currency',
    'billable',
    'note',
    'status',
    'reason',
    'decidedBy',
    'reimbursedAt',
    'invoiceRef',
    'archivedAt',
  ],
  restrict: (ctx) => ownRowsOnly(ctx, ['expenses.manage', 'expenses.approve'], expenses.userId),
};

export const toExpense = (ctx: AuthedContext, r: ExpenseRow): Expense =>
  redactFields(ctx.auth, {
    ...kit.baseDto(r),
    userId: r.userId,
    date: r.expenseDate,
    projectId: r.projectId,
    category: r.category,
    expenseAmountCents: r.amountCents,
    expenseTaxCents: r.taxCents,
    currency: r.currency,
    billable: r.billable,
    note: r.note,
    status: r.status,
    reason: r.reason,
    decidedBy: r.decidedBy,
    decidedAt: kit.iso(r.decidedAt),
    reimbursedAt: kit.iso(r.reimbursedAt),
    invoicedAt: kit.iso(r.invoicedAt),
    invoiceRef: r.invoiceRef,
  }) as Expense;

export const expenseRules = dbRules({
  expenses_locked: conflictOn('The expense is submitted or approved: it is locked'),
  expenses_reimbursed_once: conflictOn('The expense is already reimbursed'),
  expenses_invoiced_once: conflictOn('The expense is already invoiced'),
  expenses_invoice_approved: conflictOn('Only an approved billable expense is invoiced'),
  expenses_amounts: invalidOn('Tax is more than the amount', 'body.expenseTaxCents'),
});

type Input = z.output<typeof expenseCreateInput> | Omit<z.output<typeof expenseUpdateInput>, 'version'>;

export const expenseRecord: WorkRecord<
  ExpenseRow,
  Expense,
  z.output<typeof expenseCreateInput>,
  z.output<typeof expenseUpdateInput>
> = {
  def: expenseDef,
  columns: getTableColumns(expenses),
  toDto: async (_tx, ctx, rows) => rows.map((r) => toExpense(ctx, r)),
  listSpec: (ctx, f) => ({
    table: expenses,
    id: expenses.id,
    tenantId: expenses.tenantId,
    archivedAt: expenses.archivedAt,
    where: [
      expenseDef.restrict?.(ctx),
      f.status ? eq(expenses.status, f.status as ExpenseRow['status']) : undefined,
      f.userId ? eq(expenses.userId, resolveMe(ctx, f.userId as string) as string) : undefined,
      f.projectId ? eq(expenses.projectId, f.projectId as string) : undefined,
    ],
    sorts: {
      date: { expr: expenses.expenseDate, type: 'date' },
      createdAt: { expr: expenses.createdAt, type: 'timestamp' },
    },
  }),
  values: async (tx, ctx, input: Input, before) => {
    const { date, expenseAmountCents, expenseTaxCents, ...rest } = input;
    const userId = before?.userId ?? ('userId' in rest && rest.userId ? rest.userId : selfId(ctx));
    assertActsFor(ctx, userId, 'expenses.manage');
    await kit.assertReferences(tx, ctx, { userId, projectId: rest.projectId });
    return { ...rest, userId, expenseDate: date, amountCents: expenseAmountCents, taxCents: expenseTaxCents };
  },
  assertChangeable: (ctx, row) => assertActsFor(ctx, row.userId, 'expenses.manage'),
  rules: expenseRules,
};
