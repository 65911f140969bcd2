import { type documentCreateInput, periodDate, type RecurringInvoice } from '@tessera/contracts';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { issueDraft } from '../documents/document-actions.service.ts';
import { discountOfColumns } from '../documents/document-lines.ts';
import { type SendDeps, sendDocumentIn } from '../documents/document-send.service.ts';
import { createDraft } from '../documents/documents.service.ts';
import { salesRecurringRuns } from './recurring.tables.ts';
import { recurringDef, type TemplateRow, toTemplate } from './recurring-record.ts';

type DraftInput = z.output<typeof documentCreateInput>;

const addDays = (isoDate: string, days: number) =>
  new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const withoutNulls = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as {
    [K in keyof T]?: NonNullable<T[K]>;
  };

/** The draft invoice of a period: the template's customer and lines, priced now by the shared calculation. */
const invoiceInput = (tpl: TemplateRow, issueDate: string): DraftInput => ({
  companyId: tpl.companyId,
  contactId: tpl.contactId,
  ownerId: tpl.ownerId,
  issueDate,
  dueDate: tpl.dueDays === null ? undefined : addDays(issueDate, tpl.dueDays),
  currency: tpl.currency,
  discount: discountOfColumns(tpl.discountKind, tpl.discountValue),
  notes: tpl.notes,
  buyerReference: tpl.buyerReference,
  customer: withoutNulls({
    name: tpl.customerName,
    address: tpl.customerAddress ?? undefined,
    taxId: tpl.customerTaxId,
    email: tpl.customerEmail,
  }),
  lines: tpl.lines,
});

export interface Generated {
  template: TemplateRow;
  invoiceId: string;
  periodDate: string;
}

/**
 * Makes the invoice of a template's next period, in the caller's transaction: the template row is locked (a
 * second run waits, then sees the period done), and the run row `(tenant, template, period)` is unique — a
 * period that has its row makes nothing, whoever runs. The invoice is issued (numbered, gapless) and sent
 * through the send service when the template says so; the template moves to the next period or ends.
 * `due`: only when the period date is today or earlier (the job); run-now makes the next period whatever its
 * date (issued today when it lies ahead).
 */
export const generateNext = async (
  t: Tx,
  ctx: AuthedContext,
  deps: SendDeps,
  templateId: string,
  today: string,
  mode: 'due' | 'now',
): Promise<Generated | null> => {
  const tpl = await kit.findRecord<TemplateRow>(t, ctx, recurringDef, templateId, true);
  if (tpl.archivedAt || tpl.status === 'ended' || (mode === 'due' && tpl.status !== 'active')) return null;
  const index = tpl.generatedCount;
  const date = periodDate(tpl, index);
  if (!date || (mode === 'due' && date > today)) return null;
  const [run] = await t
    .insert(salesRecurringRuns)
    .values({ tenantId: ctx.tenantId, templateId, periodIndex: index, periodDate: date })
    .onConflictDoNothing()
    .returning();
  let invoiceId: string | null = null;
  if (run) {
    const issueDate = date <= today ? date : today;
    let invoice = await createDraft(t, ctx, 'invoice', invoiceInput(tpl, issueDate));
    if (tpl.autoIssue) invoice = await issueDraft(t, ctx, invoice);
    const to = tpl.sendTo ?? invoice.customerEmail;
    if (tpl.autoSend && to) await sendDocumentIn(t, ctx, deps, 'invoice', invoice.id, { to });
    invoiceId = invoice.id;
    await t
      .update(salesRecurringRuns)
      .set({ invoiceId })
      .where(
        and(
          eq(salesRecurringRuns.tenantId, ctx.tenantId),
          eq(salesRecurringRuns.templateId, templateId),
          eq(salesRecurringRuns.periodIndex, index),
        ),
      );
  }
  const nextDate = periodDate(tpl, index + 1);
  const { after } = await kit.updateRecord<TemplateRow>(t, ctx, recurringDef, {
    id: templateId,
    version: undefined,
    patch: {
      generatedCount: index + 1,
      nextDate,
      status: nextDate ? tpl.status : 'ended',
      lastRunAt: new Date(),
    },
    toDto: toTemplate(ctx.auth),
    action: 'generated',
  });
  return invoiceId ? { template: after, invoiceId, periodDate: date } : null;
};

/** `POST /recurring-invoices/:id/run`: the next period's invoice now (active or paused templates). */
export const runNow = (ctx: AuthedContext, deps: SendDeps, id: string, today: string) =>
  kit.inTenant(
    ctx,
    async (t): Promise<{ template: RecurringInvoice; invoiceId: string; periodDate: string }> => {
      const tpl = await kit.findRecord<TemplateRow>(t, ctx, recurringDef, id, true);
      if (tpl.status === 'ended' || tpl.archivedAt)
        throw new AppError('CONFLICT', 'This template has ended: change its end date or count to go on');
      kit.requirePermission(ctx, 'invoices.manage');
      if (tpl.autoIssue) kit.requirePermission(ctx, 'invoices.issue');
      if (tpl.autoSend) kit.requirePermission(ctx, 'invoices.send');
      const made = await generateNext(t, ctx, deps, id, today, 'now');
      if (!made) throw new AppError('CONFLICT', 'This period was already made; reload the template');
      return { ...made, template: toTemplate(ctx.auth)(made.template) };
    },
  );
