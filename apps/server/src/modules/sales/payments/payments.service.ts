import type { Payment, paymentCreateInput } from '@tessera/contracts';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { type Principal, redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { emit } from '../../../platform/events/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { settleInvoice } from '../documents/document-actions.service.ts';
import { DOCUMENT_DEFS, type DocumentRow } from '../documents/document-record.ts';
import { payments } from './payments.tables.ts';

export type PaymentRow = typeof payments.$inferSelect;

/** Payments: seen through their invoice (its record scope), no owner of their own. */
export const paymentDef: kit.RecordDef = {
  name: 'payment',
  label: 'Payment',
  table: payments,
  scope: 'invoices',
  auditFields: ['invoiceId', 'paidOn', 'amountCents', 'method', 'reference'],
};

export const toPayment =
  (p: Principal) =>
  (r: PaymentRow): Payment =>
    redactFields(p, {
      ...kit.baseDto(r),
      invoiceId: r.invoiceId,
      paidOn: r.paidOn,
      amountCents: r.amountCents,
      method: r.method as Payment['method'],
      reference: r.reference,
    }) as Payment;

const OPEN = new Set(['issued', 'sent', 'partially_paid', 'overdue']);
const invoiceDef = DOCUMENT_DEFS.invoice;

/**
 * Records a payment. The invoice row is locked first, so two payments of one invoice queue; neither may take
 * the paid total above the invoice total (checked here, and by the database's check constraint).
 */
export const recordPayment = (
  ctx: AuthedContext,
  invoiceId: string,
  input: z.output<typeof paymentCreateInput>,
) =>
  kit.inTenant(ctx, async (t) => {
    const invoice = await kit.findRecord<DocumentRow>(t, ctx, invoiceDef, invoiceId, true);
    if (!OPEN.has(invoice.status))
      throw new AppError(
        'CONFLICT',
        invoice.status === 'paid'
          ? 'This invoice is paid: nothing is open'
          : `A ${invoice.status} invoice takes no payments${invoice.status === 'draft' ? ' (issue it first)' : ''}`,
      );
    const open = invoice.totalCents - invoice.paidCents - invoice.creditedCents;
    if (input.amountCents > open)
      throw new AppError('CONFLICT', 'This is more than the open balance of the invoice', {
        details: [{ path: 'body.amountCents', message: `At most ${open}` }],
      });
    const row = await kit.insertRecord<PaymentRow>(t, ctx, paymentDef, { ...input, invoiceId });
    await settleInvoice(t, ctx, invoice, 'payment_recorded', {
      paidCents: invoice.paidCents + input.amountCents,
    });
    await emit(t, ctx, 'payment.recorded', { paymentId: row.id, invoiceId });
    return toPayment(ctx.auth)(row);
  });

/** The payments of an invoice the caller may see, oldest first. */
export const listPayments = (ctx: AuthedContext, invoiceId: string) =>
  kit.inTenant(ctx, async (t) => {
    await kit.findRecord<DocumentRow>(t, ctx, invoiceDef, invoiceId);
    const rows = await t
      .select()
      .from(payments)
      .where(and(eq(payments.tenantId, ctx.tenantId), eq(payments.invoiceId, invoiceId)))
      .orderBy(asc(payments.paidOn), asc(payments.createdAt));
    return rows.map(toPayment(ctx.auth));
  });

/** Deletes a payment (audited) and reopens its amount on the invoice; the invoice is locked first. */
export const deletePayment = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, async (t) => {
    const [found] = await t
      .select({ invoiceId: payments.invoiceId })
      .from(payments)
      .where(and(eq(payments.tenantId, ctx.tenantId), eq(payments.id, id)));
    if (!found) throw notFound('Payment');
    const invoice = await kit.findRecord<DocumentRow>(t, ctx, invoiceDef, found.invoiceId, true).catch(() => {
      throw notFound('Payment');
    });
    const payment = await kit.findRecord<PaymentRow>(t, ctx, paymentDef, id, true);
    await kit.deleteRecord(t, ctx, paymentDef, id);
    await settleInvoice(t, ctx, invoice, 'payment_deleted', {
      paidCents: invoice.paidCents - payment.amountCents,
    });
    await emit(t, ctx, 'payment.deleted', { paymentId: id, invoiceId: invoice.id });
  });
