import {
  type DiscountInput,
  formatQuantity,
  type RecurringInvoice,
  type recurringInvoiceListQuery,
} from '@tessera/contracts';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Principal, redactFields } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { baseDto, iso, type ListSpec, type RecordDef, scopeWhere } from '../../../platform/records/index.ts';
import { salesRecurringInvoices } from './recurring.tables.ts';

export type TemplateRow = typeof salesRecurringInvoices.$inferSelect;

/** Templates are owned like invoices (the invoices they make get the same owner): the invoices record scope. */
export const recurringDef: RecordDef = {
  name: 'recurring_invoice',
  label: 'Recurring invoice',
  table: salesRecurringInvoices,
  scope: 'invoices',
  owner: salesRecurringInvoices.ownerId,
  auditFields: [
    'name',
    'status',
    'ownerId',
    'companyId',
    'contactId',
    'currency',
    'discountKind',
    'discountValue',
    'notes',
    'customerName',
    'customerEmail',
    'lines',
    'unit',
    'every',
    'startDate',
    'endDate',
    'maxCount',
    'dueDays',
    'autoIssue',
    'autoSend',
    'sendTo',
    'generatedCount',
    'nextDate',
    'archivedAt',
  ],
};

const discountOf = (kind: string | null, value: number | null): DiscountInput | null =>
  kind === 'percent'
    ? { kind, valueBp: value ?? 0 }
    : kind === 'amount'
      ? { kind, valueMinor: value ?? 0 }
      : null;

/** The API shape (prices and the total are money fields: hidden without fields.money.view). */
export const toTemplate =
  (p: Principal) =>
  (r: TemplateRow): RecurringInvoice =>
    redactFields(p, {
      ...baseDto(r),
      name: r.name,
      status: r.status,
      ownerId: r.ownerId,
      companyId: r.companyId,
      contactId: r.contactId,
      currency: r.currency,
      discount: discountOf(r.discountKind, r.discountValue),
      notes: r.notes,
      buyerReference: r.buyerReference,
      customer: { name: r.customerName, email: r.customerEmail, taxId: r.customerTaxId },
      lines: r.lines.map((l) => redactFields(p, { ...l, quantity: formatQuantity(l.quantity) })),
      totalCents: r.totalCents,
      unit: r.unit,
      every: r.every,
      startDate: r.startDate,
      endDate: r.endDate,
      maxCount: r.maxCount,
      dueDays: r.dueDays,
      autoIssue: r.autoIssue,
      autoSend: r.autoSend,
      sendTo: r.sendTo,
      generatedCount: r.generatedCount,
      nextDate: r.nextDate,
      lastRunAt: iso(r.lastRunAt),
    }) as RecurringInvoice;

type Filters = Pick<z.output<typeof recurringInvoiceListQuery>, 'status' | 'companyId'>;

export const recurringListSpec = (ctx: AuthedContext, f: Filters): ListSpec => {
  const r = salesRecurringInvoices;
  return {
    table: r,
    id: r.id,
    tenantId: r.tenantId,
    archivedAt: r.archivedAt,
    searchText: r.searchText,
    where: [
      scopeWhere(ctx, recurringDef),
      f.status ? eq(r.status, f.status) : undefined,
      f.companyId ? eq(r.companyId, f.companyId) : undefined,
    ],
    sorts: {
      name: { expr: r.name, type: 'text' },
      nextDate: { expr: sql`coalesce(${r.nextDate}, '9999-12-31'::date)`, type: 'date' },
      createdAt: { expr: r.createdAt, type: 'timestamp' },
    },
  };
};
