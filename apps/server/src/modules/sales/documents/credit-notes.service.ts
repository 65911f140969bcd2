import type { creditNoteCreateInput, SalesDocument } from '@tessera/contracts';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import { emit } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { nextNumber } from '../settings/settings.service.ts';
import { changeIssued, settleInvoice, todayIso } from './document-actions.service.ts';
import {
  calculate,
  discountOfColumns,
  lineRows,
  type ResolvedLine,
  totalsColumns,
} from './document-lines.ts';
import { DOCUMENT_DEFS, type DocumentRow, type LineRow, linesOf, toDocument } from './document-record.ts';
import { salesDocumentLines } from './documents.tables.ts';

type Input = z.output<typeof creditNoteCreateInput>;
const CREDITABLE = new Set(['issued', 'sent', 'partially_paid', 'overdue']);

/** The credited lines: all of the invoice's, or the chosen ones with their quantities (never more than invoiced). */
const creditedLines = (lines: LineRow[], wanted: Input['lines']): ResolvedLine[] => {
  const picks = wanted ?? lines.map((l) => ({ lineId: l.id, quantity: l.quantityMilli }));
  const byId = new Map(lines.map((l) => [l.id, l]));
  const seen = new Set<string>();
  return picks.map((p, i) => {
    const line = byId.get(p.lineId);
    if (!line || seen.has(p.lineId))
      throw new AppError('VALIDATION_ERROR', 'Each credited line must be a line of the invoice, once', {
        details: [{ path: `body.lines.${i}.lineId`, message: 'Not a line of this invoice' }],
      });
    seen.add(p.lineId);
    if (p.quantity > line.quantityMilli)
      throw new AppError('VALIDATION_ERROR', 'More than the invoiced quantity', {
        details: [{ path: `body.lines.${i}.quantity`, message: 'More than invoiced' }],
      });
    const {
      id: _id,
      tenantId: _t,
      documentId: _d,
      discountCents: _dc,
      netCents: _n,
      taxCents: _x,
      totalCents: _tc,
      ...rest
    } = line;
    // An amount discount is shared in proportion to the credited quantity.
    const discountValue =
      line.discountKind === 'amount' && line.discountValue !== null
        ? Math.round((line.discountValue * p.quantity) / line.quantityMilli)
        : line.discountValue;
    return { ...rest, position: i + 1, quantityMilli: p.quantity, discountValue };
  });
};

/**
 * Issues a credit note against an invoice (all of it, or some lines): its own number, the invoice's customer
 * and prices, and the invoice's balance reduced by its total — never below zero (the open balance must cover
 * it; a paid invoice needs a payment deleted first). One transaction, the invoice locked.
 */
export const createCreditNote = (
  ctx: AuthedContext,
  invoiceId: string,
  input: Input,
): Promise<SalesDocument> =>
  kit.inTenant(ctx, async (t) => {
    const invoice = await kit.findRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS.invoice, invoiceId, true);
    if (!CREDITABLE.has(invoice.status))
      throw new AppError('CONFLICT', `A ${invoice.status} invoice cannot be credited`);
    const lines = creditedLines(await linesOf(t, ctx.tenantId, invoiceId), input.lines);
    const full = !input.lines;
    const discount = full
      ? discountOfColumns(invoice.discountKind, invoice.discountValue)
      : invoice.discountKind === 'percent'
        ? discountOfColumns(invoice.discountKind, invoice.discountValue)
        : null;
    let result = calculate(lines, discount, invoice.rounding);
    if (!full && invoice.discountKind === 'amount' && invoice.subtotalCents > 0) {
      const share = Math.round(((invoice.discountValue ?? 0) * result.subtotalMinor) / invoice.subtotalCents);
      result = calculate(lines, { kind: 'amount', valueMinor: share }, invoice.rounding);
    }
    const open = invoice.totalCents - invoice.paidCents - invoice.creditedCents;
    if (result.totalMinor > open)
      throw new AppError('CONFLICT', 'The credit note would be more than the open balance of the invoice', {
        details: [{ path: 'body.lines', message: `At most ${open}` }],
      });
    const issueDate = input.issueDate ?? todayIso();
    const def = DOCUMENT_DEFS.credit_note;
    const draft = await kit.insertRecord<DocumentRow>(t, ctx, def, {
      id: newId(),
      kind: 'credit_note',
      status: 'draft',
      sourceId: invoice.id,
      ownerId: invoice.ownerId,
      companyId: invoice.companyId,
      contactId: invoice.contactId,
      dealId: invoice.dealId,
      issueDate,
      currency: invoice.currency,
      rounding: invoice.rounding,
      discountKind: result.documentDiscountMinor > 0 ? (discount?.kind ?? 'amount') : null,
      discountValue:
        result.documentDiscountMinor > 0
          ? discount?.kind === 'percent'
            ? discount.valueBp
            : result.documentDiscountMinor
          : null,
      notes: input.notes ?? null,
      buyerReference: invoice.buyerReference,
      customerName: invoice.customerName,
      customerAddress: invoice.customerAddress,
      customerTaxId: invoice.customerTaxId,
      customerEmail: invoice.customerEmail,
      ...totalsColumns(result),
    });
    await t.insert(salesDocumentLines).values(lineRows(ctx.tenantId, draft.id, lines, result));
    const number = await nextNumber(t, ctx.tenantId, 'credit_note', issueDate);
    const note = await changeIssued(t, ctx, draft, 'issued', {
      number,
      status: 'issued',
      issuedAt: new Date(),
    });
    await settleInvoice(t, ctx, invoice, 'credited', {
      creditedCents: invoice.creditedCents + result.totalMinor,
    });
    await emit(t, ctx, 'credit_note.issued', { creditNoteId: note.id, invoiceId: invoice.id, number });
    return toDocument(ctx.auth)(note, await linesOf(t, ctx.tenantId, note.id));
  });
