import type { Expense } from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { assertActsFor } from '../shared/people.ts';
import { type ExpenseRow, expenseDef, expenseRules, toExpense } from './expense-record.ts';

export type ExpenseAction = 'submit' | 'approve' | 'reject' | 'reimburse';

/** Which state each action starts from, and what it writes. */
const ACTIONS: Record<ExpenseAction, { from: ExpenseRow['status'][]; audit: string }> = {
  submit: { from: ['draft', 'rejected'], audit: 'submitted' },
  approve: { from: ['submitted'], audit: 'approved' },
  reject: { from: ['submitted'], audit: 'rejected' },
  reimburse: { from: ['approved'], audit: 'reimbursed' },
};

const patchFor = (ctx: AuthedContext, action: ExpenseAction, reason?: string) => {
  const decided = { decidedBy: ctx.userId, decidedAt: new Date() };
  if (action === 'submit') return { status: 'submitted', reason: null, decidedBy: null, decidedAt: null };
  if (action === 'approve') return { status: 'approved', reason: null, ...decided };
  if (action === 'reject') return { status: 'rejected', reason, ...decided };
  return { reimbursedAt: new Date() };
};

/**
 * Submit (the member, or someone with expenses.manage), approve / reject (an approver, never for their own
 * expense), reimburse (an approver, once, approved only). The database keeps a submitted or approved expense's
 * content and refuses a second reimbursement.
 */
export const expenseAction = (
  ctx: AuthedContext,
  id: string,
  action: ExpenseAction,
  input: { version?: number; reason?: string },
): Promise<Expense> =>
  kit.inTenant(ctx, async (tx) => {
    const row = await kit.findRecord<ExpenseRow>(tx, ctx, expenseDef, id, true);
    if (action === 'submit') assertActsFor(ctx, row.userId, 'expenses.manage');
    else if (row.userId === ctx.userId)
      throw new AppError('FORBIDDEN', 'You cannot approve, reject or reimburse your own expense');
    if (input.version !== undefined && input.version !== row.version)
      throw kit.conflict(expenseDef.label, toExpense(ctx, row));
    if (!ACTIONS[action].from.includes(row.status) || (action === 'reimburse' && row.reimbursedAt))
      throw new AppError('CONFLICT', `The expense is ${row.reimbursedAt ? 'reimbursed' : row.status}`);
    const { after } = await kit
      .updateRecord<ExpenseRow>(tx, ctx, expenseDef, {
        id,
        version: undefined,
        patch: patchFor(ctx, action, input.reason),
        toDto: (r) => r,
        action: ACTIONS[action].audit,
      })
      .catch(expenseRules);
    return toExpense(ctx, after);
  });
