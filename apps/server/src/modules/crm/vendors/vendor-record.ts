import type { LeadVendor } from '@tessera/contracts';
import { type AnyColumn, sql } from 'drizzle-orm';
import { type Principal, redactFields } from '../../../platform/access/index.ts';
import { baseDto, type ListSpec, type RecordDef } from '../../../platform/records/index.ts';
import { leadVendors } from './vendors.tables.ts';

export type VendorRow = typeof leadVendors.$inferSelect;

/** Lead vendors (where bought leads come from): tenant configuration, no owner and no record scope. */
export const vendorDef: RecordDef = {
  name: 'lead_vendor',
  label: 'Lead vendor',
  table: leadVendors,
  scope: 'leads',
  auditFields: ['name', 'contactEmail', 'costPerLeadCents', 'currency', 'archivedAt'],
};

/** The API shape of a vendor row (the cost per lead is a money field: hidden without fields.money.view). */
export const toVendor =
  (principal: Principal) =>
  (r: VendorRow): LeadVendor =>
    redactFields(principal, {
      ...baseDto(r),
      name: r.name,
      contactEmail: r.contactEmail,
      costPerLeadCents: r.costPerLeadCents,
      currency: r.currency,
    }) as LeadVendor;

/** Same expression as the unique index lead_vendors_tenant_name_key, which serves the list order. */
const nameKey = sql`lower(${leadVendors.name})`;

/** The vendors list, by name; `q` matches part of the name. */
export const vendorListSpec = (): ListSpec => ({
  table: leadVendors,
  id: leadVendors.id,
  tenantId: leadVendors.tenantId,
  archivedAt: leadVendors.archivedAt,
  searchText: nameKey as unknown as AnyColumn,
  where: [],
  sorts: { name: { expr: nameKey, type: 'text' } },
});
