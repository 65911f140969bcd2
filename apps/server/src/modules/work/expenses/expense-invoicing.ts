import type { InvoiceExpenseLine } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { draftTaxRates } from '../../sales/index.ts';
import type { ProjectRow } from '../projects/project-record.ts';
import { expenseRules } from './expense-record.ts';

type Period = { from?: string; to?: string };
type Row = {
  id: string;
  user_id: string;
  expense_date: string;
  category: string;
  note: string | null;
  amount_cents: string;
  tax_cents: string;
  currency: string;
};
/** An expense line as invoicing needs it: the preview's line plus the tax rate the draft line names. */
export type ExpenseLine = Required<Omit<InvoiceExpenseLine, 'taxRateBp'>> & {
  taxRateBp: number | null;
  taxRateId: string | null;
};

/**
 * The project's approved, billable, not yet invoiced expenses (within the period). With `lock` the rows stay
 * locked to the end of the transaction: a concurrent invoicing waits, then finds them invoiced.
 */
const openExpenses = async (tx: Tx, ctx: AuthedContext, projectId: string, period: Period, lock: boolean) => {
  const { rows } = (await tx.execute(sql`
    select x.id, x.user_id, x.expense_date::text as expense_date, x.category, x.note, x.amount_cents,
           x.tax_cents, x.currency
      from expenses x
     where x.tenant_id = ${ctx.tenantId} and x.project_id = ${projectId} and x.status = 'approved'
       and x.billable and x.invoiced_at is null and x.archived_at is null
       ${period.from ? sql`and x.expense_date >= ${period.from}::date` : sql``}
       ${period.to ? sql`and x.expense_date <= ${period.to}::date` : sql``}
     order by x.expense_date, x.id
     ${lock ? sql`for update of x` : sql``}`)) as unknown as { rows: Row[] };
  return rows;
};

/** Half-up like the sales calculation: the tax a rate puts on an amount before tax. */
const taxAt = (netCents: number, rateBp: number) => Math.round((netCents * rateBp) / 10_000);

/**
 * The invoice lines of the project's billable expenses: one per expense at its amount less the recorded tax, with
 * the tenant's (exclusive, not archived) tax rate that gives that tax — the default rate first —, 0 % when no tax
 * was recorded. `blockers` say why the draft cannot be made: an expense in another currency than the project's
 * (an invoice has one), or a tax none of the rates gives.
 */
export const billableExpenses = async (
  tx: Tx,
  ctx: AuthedContext,
  project: ProjectRow,
  period: Period,
  lock: boolean,
) => {
  const rows = await openExpenses(tx, ctx, project.id, period, lock);
  const rates = rows.some((r) => Number(r.tax_cents) > 0)
    ? (await draftTaxRates(tx, ctx))
        .filter((r) => !r.inclusive)
        .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || a.rateBp - b.rateBp)
    : [];
  const blockers: string[] = [];
  const lines: ExpenseLine[] = rows.map((r) => {
    const amount = Number(r.amount_cents);
    const taxCents = Number(r.tax_cents);
    const amountCents = amount - taxCents;
    const rate = taxCents === 0 ? null : rates.find((t) => taxAt(amountCents, t.rateBp) === taxCents);
    const what = `${r.category} of ${r.expense_date}`;
    if (r.currency !== project.currency)
      blockers.push(
        `The expense ${what} is in ${r.currency}, the project invoices in ${project.currency}: one invoice has one currency`,
      );
    if (taxCents > 0 && !rate)
      blockers.push(
        `The expense ${what} records tax of ${(taxCents / 100).toFixed(2)} on ${(amountCents / 100).toFixed(2)} ${r.currency}: none of the tax rates gives that — add the rate or correct the expense`,
      );
    return {
      expenseId: r.id,
      userId: r.user_id,
      date: r.expense_date,
      category: r.category,
      description: `${project.name}: ${r.category} (${r.expense_date})${r.note ? ` – ${r.note}` : ''}`.slice(
        0,
        2000,
      ),
      currency: r.currency,
      amountCents,
      taxCents,
      taxRateBp: taxCents === 0 ? 0 : (rate?.rateBp ?? null),
      taxRateId: rate?.id ?? null,
    };
  });
  return { lines, blockers };
};

/** The preview's shape of an expense line (money hidden without fields.money.view). */
export const expenseLineView = (
  { taxRateId: _t, amountCents, taxCents, ...l }: ExpenseLine,
  money: boolean,
): InvoiceExpenseLine => (money ? { ...l, amountCents, taxCents } : l);

/** The draft invoice's line of an expense: quantity 1 at its amount before tax, its tax rate (or none: 0 %). */
export const expenseInvoiceLine = (l: ExpenseLine) => ({
  description: l.description,
  quantity: 1,
  unitPriceCents: l.amountCents,
  taxRateId: l.taxRateId,
});

/**
 * Marks the (locked) expenses invoiced with the invoice's id, all or none. The update only takes rows not yet
 * invoiced, and the database sets the mark once (expenses_invoiced_once) and only on approved billable expenses.
 */
export const markExpensesInvoiced = async (tx: Tx, ctx: AuthedContext, ids: string[], invoiceId: string) => {
  if (ids.length === 0) return 0;
  const { rows } = (await tx
    .execute(sql`
      update expenses x
         set invoiced_at = now(), invoice_ref = ${invoiceId}, version = x.version + 1, updated_at = now()
       where x.tenant_id = ${ctx.tenantId} and x.invoiced_at is null
         and x.id in (${sql.join(
           ids.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
      returning x.id`)
    .catch(expenseRules)) as unknown as { rows: { id: string }[] };
  if (rows.length !== ids.length)
    throw new AppError('CONFLICT', 'Some of these expenses were invoiced meanwhile; retry');
  return rows.length;
};
