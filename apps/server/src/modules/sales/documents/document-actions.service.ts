import type { SalesDocument } from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { companyParty } from '../../crm/index.ts';
import { settleCommissions } from '../commissions/commission-settlement.ts';
import { nextNumber, settingsOf } from '../settings/settings.service.ts';
import { salesRuleViolation } from './document-errors.ts';
import { DOCUMENT_DEFS, type DocumentRow, linesOf, toDocument } from './document-record.ts';

const invoiceDef = DOCUMENT_DEFS.invoice;
const addDays = (isoDate: string, days: number) => {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
export const todayIso = () => new Date().toISOString().slice(0, 10);

/** Event payload of an invoice. */
export const invoiceRef = (r: DocumentRow) => ({
  invoiceId: r.id,
  number: r.number ?? '',
  companyId: r.companyId,
  ownerId: r.ownerId,
});

/**
 * The status an issued invoice has for its balance: paid when nothing is open, partially paid when something
 * was paid or credited, else overdue past its due date, else sent or issued.
 */
export const statusForBalance = (r: DocumentRow): string => {
  const open = r.totalCents - r.paidCents - r.creditedCents;
  if (open === 0) return 'paid';
  if (r.paidCents + r.creditedCents > 0) return 'partially_paid';
  if (r.dueDate && r.dueDate < todayIso()) return 'overdue';
  return r.sentAt ? 'sent' : 'issued';
};

/** The customer as the document prints it: what the draft says, completed from the company as it is now. */
const customerSnapshot = async (t: Tx, ctx: AuthedContext, r: DocumentRow) => {
  const company = r.companyId ? await companyParty(t, ctx.tenantId, r.companyId) : null;
  const address = r.customerAddress ?? {};
  return {
    customerName: r.customerName ?? company?.name ?? null,
    customerEmail: r.customerEmail ?? company?.email ?? null,
    customerTaxId: r.customerTaxId,
    customerAddress: {
      ...(company?.city ? { city: company.city } : {}),
      ...(company?.country && /^[A-Z]{2}$/.test(company.country) ? { country: company.country } : {}),
      ...address,
    },
  };
};

/** Moves an issued document on (status, totals paid or credited), audited as `<kind>.<action>`. */
export const changeIssued = async (
  t: Tx,
  ctx: AuthedContext,
  row: DocumentRow,
  action: string,
  patch: Record<string, unknown>,
) => {
  const { after } = await kit
    .updateRecord<DocumentRow>(t, ctx, DOCUMENT_DEFS[row.kind], {
      id: row.id,
      version: undefined,
      patch,
      toDto: toDocument(ctx.auth),
      action,
    })
    .catch(salesRuleViolation);
  return after;
};

/**
 * Changes the paid or credited total of an invoice the caller locked, and its status with them; emits
 * `invoice.paid` when nothing is left open, and brings the owner's commission lines to the new paid amount. The database refuses a total above the invoice's (check
 * sales_documents_no_overpayment) whatever happens here.
 */
export const settleInvoice = async (
  t: Tx,
  ctx: AuthedContext,
  invoice: DocumentRow,
  action: string,
  totals: { paidCents?: number; creditedCents?: number },
) => {
  const next = { ...invoice, ...totals };
  const status = invoice.status === 'void' ? 'void' : statusForBalance(next);
  const paidAt = status === 'paid' ? (invoice.paidAt ?? new Date()) : null;
  const after = await changeIssued(t, ctx, invoice, action, { ...totals, status, paidAt });
  if (status === 'paid' && invoice.status !== 'paid') await emit(t, ctx, 'invoice.paid', invoiceRef(after));
  await settleCommissions(t, ctx.tenantId, after, action);
  return after;
};

/**
 * Gives a locked draft its number (the tenant's pattern for its kind; gapless: the counter row stays locked
 * until this transaction ends), its customer snapshot and due date (quotes: valid until), and fixes it:
 * invoices become `issued`, quotes `sent`. Emits `invoice.issued`.
 */
export const issueDraft = async (t: Tx, ctx: AuthedContext, row: DocumentRow): Promise<DocumentRow> => {
  const lines = await linesOf(t, ctx.tenantId, row.id);
  const label = DOCUMENT_DEFS[row.kind].label.toLowerCase();
  if (lines.length === 0) throw new AppError('CONFLICT', `A ${label} needs at least one line`);
  const settings = await settingsOf(t, ctx.tenantId);
  const number = await nextNumber(t, ctx.tenantId, row.kind, row.issueDate);
  const after = await changeIssued(t, ctx, row, 'issued', {
    number,
    status: row.kind === 'quote' ? 'sent' : 'issued',
    issuedAt: new Date(),
    dueDate: row.dueDate ?? addDays(row.issueDate, row.kind === 'quote' ? 30 : settings.paymentTermsDays),
    ...(await customerSnapshot(t, ctx, row)),
  });
  if (after.kind === 'invoice') await emit(t, ctx, 'invoice.issued', invoiceRef(after));
  return after;
};

/** Issues a draft invoice (see issueDraft). */
export const issueInvoice = (ctx: AuthedContext, id: string, version?: number): Promise<SalesDocument> =>
  kit.inTenant(ctx, async (t) => {
    const row = await kit.findRecord<DocumentRow>(t, ctx, invoiceDef, id, true);
    if (version !== undefined && row.version !== version)
      throw kit.conflict('Invoice', toDocument(ctx.auth)(row));
    if (row.status !== 'draft') throw new AppError('CONFLICT', 'This invoice was already issued');
    const after = await issueDraft(t, ctx, row);
    return toDocument(ctx.auth)(after, await linesOf(t, ctx.tenantId, id));
  });

/** Voids an issued invoice without payments (paid money is returned by a credit note); emits `invoice.voided`. */
export const voidInvoice = (ctx: AuthedContext, id: string, version?: number): Promise<SalesDocument> =>
  kit.inTenant(ctx, async (t) => {
    const row = await kit.findRecord<DocumentRow>(t, ctx, invoiceDef, id, true);
    if (version !== undefined && row.version !== version)
      throw kit.conflict('Invoice', toDocument(ctx.auth)(row));
    if (row.status === 'draft') throw new AppError('CONFLICT', 'A draft is deleted, not voided');
    if (row.status === 'void') throw new AppError('CONFLICT', 'This invoice is already void');
    if (row.paidCents > 0)
      throw new AppError('CONFLICT', 'This invoice has payments: delete them or issue a credit note instead');
    const after = await changeIssued(t, ctx, row, 'voided', { status: 'void', voidedAt: new Date() });
    await emit(t, ctx, 'invoice.voided', invoiceRef(after));
    return toDocument(ctx.auth)(after, await linesOf(t, ctx.tenantId, id));
  });
