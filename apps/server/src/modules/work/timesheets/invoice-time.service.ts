import type {
  InvoiceTimeLine,
  InvoiceTimePreview,
  InvoiceTimeResult,
  invoiceTimeInput,
} from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { companyParty, taskTitles } from '../../crm/index.ts';
import { memberNames } from '../../identity/index.ts';
import { createDraftInvoice } from '../../sales/index.ts';
import {
  billableExpenses,
  expenseInvoiceLine,
  expenseLineView,
  markExpensesInvoiced,
} from '../expenses/expense-invoicing.ts';
import { type ProjectRow, projectDef } from '../projects/project-record.ts';
import { pricedEntries } from './rates.ts';
import { timeRules } from './time-entry-record.ts';

type Input = z.output<typeof invoiceTimeInput>;
type Entry = { id: string; user_id: string; task_id: string | null; minutes: number; rate: string };
type Group = Omit<InvoiceTimeLine, 'rateCents' | 'amountCents'> & {
  rateCents: number;
  amountCents: number;
  minutes: number;
  sortKey: string;
};

/**
 * The project's approved, billable, not yet invoiced time (within the period), each entry at its rate. With `lock`
 * the rows stay locked to the end of the transaction: a concurrent invoicing waits, then finds them invoiced.
 */
const openEntries = async (tx: Tx, ctx: AuthedContext, projectId: string, input: Input, lock: boolean) => {
  const { rows } = (await tx.execute(sql`
    select e.id, e.user_id, e.task_id, e.minutes, r.rate
      from time_entries e
      join ${pricedEntries(
        ctx.tenantId,
        projectId,
        sql`e.billable and e.invoiced_at is null
        ${input.from ? sql`and e.work_date >= ${input.from}::date` : sql``}
        ${input.to ? sql`and e.work_date <= ${input.to}::date` : sql``}`,
      )} r on r.id = e.id
      join timesheet_weeks w on w.tenant_id = e.tenant_id and w.user_id = e.user_id and w.week_start = e.week_start
     where e.tenant_id = ${ctx.tenantId} and e.project_id = ${projectId} and w.status = 'approved'
     order by e.work_date, e.id
     ${lock ? sql`for update of e` : sql``}`)) as unknown as { rows: Entry[] };
  return rows;
};

const rateText = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}/h`;

/** The invoice lines: one per member, task and rate (`member_task`), or one per rate. */
const groupLines = async (
  tx: Tx,
  ctx: AuthedContext,
  project: ProjectRow,
  entries: Entry[],
  input: Input,
) => {
  const byMember = (input.groupBy ?? 'member_task') === 'member_task';
  const names = byMember
    ? await memberNames(tx, ctx.tenantId, [...new Set(entries.map((e) => e.user_id))])
    : null;
  const titles = byMember
    ? await taskTitles(tx, [...new Set(entries.map((e) => e.task_id).filter((t): t is string => !!t))])
    : null;
  const groups = new Map<string, Group>();
  for (const e of entries) {
    const rateCents = Number(e.rate);
    const key = byMember ? `${e.user_id}|${e.task_id ?? ''}|${rateCents}` : String(rateCents);
    let g = groups.get(key);
    if (!g) {
      const member = byMember ? (names?.get(e.user_id) ?? 'Former member') : '';
      const task = byMember && e.task_id ? (titles?.get(e.task_id) ?? 'Task') : null;
      g = {
        description: byMember
          ? `${project.name}: ${member}${task ? ` – ${task}` : ''}`
          : `${project.name}: time at ${rateText(rateCents, project.currency)}`,
        userId: byMember ? e.user_id : null,
        taskId: byMember ? e.task_id : null,
        hours: 0,
        entries: 0,
        rateCents,
        amountCents: 0,
        minutes: 0,
        sortKey: byMember
          ? `${member}\u0000${task ?? ''}\u0000${String(rateCents).padStart(12, '0')}`
          : key.padStart(12, '0'),
      };
      groups.set(key, g);
    }
    g.minutes += e.minutes;
    g.entries += 1;
  }
  return [...groups.values()]
    .map((g) => ({ ...g, hours: g.minutes / 60, amountCents: Math.round((g.minutes * g.rateCents) / 60) }))
    .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
};

/** Marks the (locked) entries invoiced with the invoice's id, all or none (the database sets the mark once). */
const markEntriesInvoiced = async (tx: Tx, ctx: AuthedContext, ids: string[], invoiceId: string) => {
  if (ids.length === 0) return 0;
  const { rows } = (await tx
    .execute(sql`
      update time_entries e
         set invoiced_at = now(), invoice_ref = ${invoiceId}, version = e.version + 1, updated_at = now()
       where e.tenant_id = ${ctx.tenantId} and e.invoiced_at is null
         and e.id in (${sql.join(
           ids.map((id) => sql`${id}::uuid`),
           sql`, `,
         )})
      returning e.id`)
    .catch(timeRules)) as unknown as { rows: { id: string }[] };
  if (rows.length !== ids.length)
    throw new AppError('CONFLICT', 'Some of this time was invoiced meanwhile; retry');
  return rows.length;
};

const previewOf = async (tx: Tx, ctx: AuthedContext, projectId: string, input: Input, lock: boolean) => {
  kit.requirePermission(ctx, 'projects.view');
  const project = await kit.findRecord<ProjectRow>(tx, ctx, projectDef, projectId);
  const entries = await openEntries(tx, ctx, projectId, input, lock);
  const groups = await groupLines(tx, ctx, project, entries, input);
  const expenses =
    input.expenses === 'exclude'
      ? { lines: [], blockers: [] }
      : await billableExpenses(tx, ctx, project, input, lock);
  const money = ctx.auth.permissions.has('fields.money.view');
  const amountCents =
    groups.reduce((s, g) => s + g.amountCents, 0) + expenses.lines.reduce((s, l) => s + l.amountCents, 0);
  const preview: InvoiceTimePreview = {
    projectId,
    companyId: project.companyId,
    currency: project.currency,
    from: input.from ?? null,
    to: input.to ?? null,
    groupBy: input.groupBy ?? 'member_task',
    lines: groups.map(({ minutes: _m, sortKey: _s, rateCents, amountCents, ...l }) =>
      money ? { ...l, rateCents, amountCents } : l,
    ),
    hours: groups.reduce((s, g) => s + g.hours, 0),
    entries: entries.length,
    expenseLines: expenses.lines.map((l) => expenseLineView(l, money)),
    expenses: expenses.lines.length,
    ...(money ? { amountCents } : {}),
    blockers: expenses.blockers,
  };
  return { project, entries, groups, expenses, preview };
};

/** What `invoiceTime` would put on the invoice now (nothing is changed). */
export const invoiceTimePreview = (ctx: AuthedContext, projectId: string, input: Input) =>
  kit.inTenant(ctx, async (tx) => (await previewOf(tx, ctx, projectId, input, false)).preview);

/**
 * Turns the project's approved, billable, not yet invoiced time and expenses (within the period) into one draft
 * invoice for its client through the sales module, and marks the entries and expenses invoiced with the invoice's
 * id — one transaction, so either all happen or nothing. The rows are locked first: a concurrent call waits and
 * then finds nothing left (409), and the database sets an invoiced mark once (time_entries_invoiced_once,
 * expenses_invoiced_once). An expense in another currency or with a tax no rate gives → 409 naming it.
 */
export const invoiceTime = (
  ctx: AuthedContext,
  projectId: string,
  input: Input,
): Promise<InvoiceTimeResult> =>
  kit.inTenant(ctx, async (tx) => {
    const { project, entries, groups, expenses, preview } = await previewOf(tx, ctx, projectId, input, true);
    if (!project.companyId)
      throw new AppError('CONFLICT', 'The project has no client company to invoice: set its client first');
    if (entries.length === 0 && expenses.lines.length === 0)
      throw new AppError(
        'CONFLICT',
        'Nothing to invoice: no approved billable time or expense of this project is left uninvoiced in the period',
      );
    if (expenses.blockers.length > 0) throw new AppError('CONFLICT', expenses.blockers.join('; '));
    const what = [entries.length && 'Time', expenses.lines.length && 'expenses']
      .filter(Boolean)
      .join(' and ');
    const period = [input.from && `from ${input.from}`, input.to && `to ${input.to}`]
      .filter(Boolean)
      .join(' ');
    const client = await companyParty(tx, ctx.tenantId, project.companyId);
    const invoice = await createDraftInvoice(tx, ctx, {
      companyId: project.companyId,
      ...(client?.name.trim() ? { customer: { name: client.name.trim().slice(0, 200) } } : {}),
      contactId: project.contactId,
      currency: project.currency,
      notes: `${what.charAt(0).toUpperCase()}${what.slice(1)} of project ${project.name} (${project.code})${period ? ` ${period}` : ''}`,
      lines: [
        ...groups.map((g) => ({
          description: g.description,
          unit: 'h',
          quantity: g.hours,
          unitPriceCents: g.rateCents,
        })),
        ...expenses.lines.map(expenseInvoiceLine),
      ],
    });
    const invoicedEntries = await markEntriesInvoiced(
      tx,
      ctx,
      entries.map((e) => e.id),
      invoice.id,
    );
    const invoicedExpenses = await markExpensesInvoiced(
      tx,
      ctx,
      expenses.lines.map((l) => l.expenseId),
      invoice.id,
    );
    await writeAudit(tx, ctx, {
      action: 'project.time_invoiced',
      targetType: 'project',
      targetId: projectId,
      changes: {
        invoiceRef: { from: null, to: invoice.id },
        entries: { from: 0, to: invoicedEntries },
        expenses: { from: 0, to: invoicedExpenses },
      },
    });
    return { ...preview, invoiceId: invoice.id };
  });
