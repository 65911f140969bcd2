import {
  type DiscountInput,
  type DocumentKind,
  type DocumentListQuery,
  formatQuantity,
  type SalesDocument,
  type SalesDocumentLine,
} from '@tessera/contracts';
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { type Principal, redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { baseDto, iso, type ListSpec, type RecordDef, scopeWhere } from '../../../platform/records/index.ts';
import { salesDocumentLines, salesDocuments } from './documents.tables.ts';

export type DocumentRow = typeof salesDocuments.$inferSelect;
export type LineRow = typeof salesDocumentLines.$inferSelect;

const AUDIT_FIELDS = [
  'number',
  'status',
  'ownerId',
  'companyId',
  'contactId',
  'dealId',
  'issueDate',
  'dueDate',
  'currency',
  'discountKind',
  'discountValue',
  'notes',
  'buyerReference',
  'customerName',
  'customerTaxId',
  'totalCents',
  'paidCents',
  'creditedCents',
  'archivedAt',
] as const;

/** One record definition per kind on the shared table: the kind is part of every lookup. */
const defOf = (kind: DocumentKind, label: string, scope: RecordDef['scope']): RecordDef => ({
  name: kind,
  label,
  table: salesDocuments,
  scope,
  owner: salesDocuments.ownerId,
  auditFields: AUDIT_FIELDS,
  restrict: () => eq(salesDocuments.kind, kind),
});

export const DOCUMENT_DEFS: Record<DocumentKind, RecordDef> = {
  quote: defOf('quote', 'Quote', 'quotes'),
  invoice: defOf('invoice', 'Invoice', 'invoices'),
  credit_note: defOf('credit_note', 'Credit note', 'invoices'),
};

const discountOf = (kind: string | null, value: number | null): DiscountInput | null => {
  if (kind === 'percent') return { kind, valueBp: value ?? 0 };
  if (kind === 'amount') return { kind, valueMinor: value ?? 0 };
  return null;
};

export const toLine =
  (p: Principal) =>
  (l: LineRow): SalesDocumentLine =>
    redactFields(p, {
      id: l.id,
      position: l.position,
      productId: l.productId,
      sku: l.sku,
      description: l.description,
      unit: l.unit,
      quantity: formatQuantity(l.quantityMilli),
      unitPriceCents: l.unitPriceCents,
      discount: discountOf(l.discountKind, l.discountValue),
      taxRateId: l.taxRateId,
      taxRateBp: l.taxRateBp,
      taxInclusive: l.taxInclusive,
      discountCents: l.discountCents,
      netCents: l.netCents,
      taxCents: l.taxCents,
      totalCents: l.totalCents,
    }) as SalesDocumentLine;

/** The API shape of a document (money fields hidden without fields.money.view, on the lines too). */
export const toDocument =
  (p: Principal) =>
  (r: DocumentRow, lines?: LineRow[]): SalesDocument =>
    redactFields(p, {
      ...baseDto(r),
      kind: r.kind,
      number: r.number,
      status: r.status,
      ownerId: r.ownerId,
      companyId: r.companyId,
      contactId: r.contactId,
      dealId: r.dealId,
      sourceId: r.sourceId,
      issueDate: r.issueDate,
      dueDate: r.dueDate,
      currency: r.currency,
      rounding: r.rounding,
      discount: discountOf(r.discountKind, r.discountValue),
      notes: r.notes,
      buyerReference: r.buyerReference,
      customer: {
        name: r.customerName,
        address: r.customerAddress,
        taxId: r.customerTaxId,
        email: r.customerEmail,
      },
      subtotalCents: r.subtotalCents,
      discountCents: r.discountCents,
      netCents: r.netCents,
      taxCents: r.taxCents,
      totalCents: r.totalCents,
      paidCents: r.paidCents,
      creditedCents: r.creditedCents,
      balanceCents: r.balanceCents ?? r.totalCents - r.paidCents - r.creditedCents,
      taxBreakdown: r.taxBreakdown,
      issuedAt: iso(r.issuedAt),
      sentAt: iso(r.sentAt),
      paidAt: iso(r.paidAt),
      voidedAt: iso(r.voidedAt),
      decidedAt: iso(r.decidedAt),
      ...(lines ? { lines: lines.map(toLine(p)) } : {}),
    }) as SalesDocument;

type Filters = Omit<DocumentListQuery, 'limit' | 'cursor' | 'sort' | 'includeTotal' | 'archived' | 'q'>;

/** A kind's list: its record scope, filters by status, customer, deal, owner, issue date and total. */
export const documentListSpec = (ctx: AuthedContext, kind: DocumentKind, f: Filters): ListSpec => {
  const d = salesDocuments;
  return {
    table: d,
    id: d.id,
    tenantId: d.tenantId,
    archivedAt: d.archivedAt,
    searchText: d.searchText,
    where: [
      eq(d.kind, kind),
      scopeWhere(ctx, DOCUMENT_DEFS[kind]),
      f.status?.length ? inArray(d.status, f.status) : undefined,
      f.companyId ? eq(d.companyId, f.companyId) : undefined,
      f.dealId ? eq(d.dealId, f.dealId) : undefined,
      f.ownerId ? eq(d.ownerId, f.ownerId) : undefined,
      f.issuedFrom ? gte(d.issueDate, f.issuedFrom) : undefined,
      f.issuedTo ? lte(d.issueDate, f.issuedTo) : undefined,
      f.minTotalCents !== undefined ? gte(d.totalCents, f.minTotalCents) : undefined,
      f.maxTotalCents !== undefined ? lte(d.totalCents, f.maxTotalCents) : undefined,
    ],
    sorts: {
      issueDate: { expr: d.issueDate, type: 'date' },
      number: { expr: sql`coalesce(${d.number}, '')`, type: 'text' },
      totalCents: { expr: d.totalCents, type: 'number' },
      dueDate: { expr: sql`coalesce(${d.dueDate}, ${d.issueDate})`, type: 'date' },
      createdAt: { expr: d.createdAt, type: 'timestamp' },
    },
  };
};

/** A document's lines in position order. */
export const linesOf = (tx: Tx, tenantId: string, documentId: string): Promise<LineRow[]> =>
  tx
    .select()
    .from(salesDocumentLines)
    .where(and(eq(salesDocumentLines.tenantId, tenantId), eq(salesDocumentLines.documentId, documentId)))
    .orderBy(salesDocumentLines.position);
