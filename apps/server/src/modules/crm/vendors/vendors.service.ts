import type {
  LeadVendor,
  leadVendorCreateInput,
  leadVendorListQuery,
  leadVendorUpdateInput,
} from '@tessera/contracts';
import { getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { isUniqueViolation } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { toVendor, type VendorRow, vendorDef, vendorListSpec } from './vendor-record.ts';
import { leadVendors } from './vendors.tables.ts';

/** Vendor names are unique per tenant (case-insensitive): a duplicate is a 409 naming the field. */
const duplicateName = (err: unknown): never => {
  if (isUniqueViolation(err, 'lead_vendors_tenant_name_key'))
    throw new AppError('CONFLICT', 'There is already a lead vendor with this name', {
      details: [{ path: 'body.name', message: 'Already used' }],
    });
  throw err;
};

/** A keyset page of vendors the caller may see (filters, sort, q, total on request). */
export const listVendors = (ctx: AuthedContext, query: z.output<typeof leadVendorListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { rows, pagination } = await kit.runList<VendorRow>(
      t,
      vendorListSpec(),
      ctx.tenantId,
      query,
      getTableColumns(leadVendors),
    );
    return { items: rows.map(toVendor(ctx.auth)), pagination };
  });

/** One vendor the caller may see, or 404. */
export const getVendor = (ctx: AuthedContext, id: string): Promise<LeadVendor> =>
  kit.inTenant(ctx, async (t) => toVendor(ctx.auth)(await kit.findRecord<VendorRow>(t, ctx, vendorDef, id)));

export const createVendor = (
  ctx: AuthedContext,
  input: z.output<typeof leadVendorCreateInput>,
): Promise<LeadVendor> =>
  kit.inTenant(ctx, async (t) =>
    toVendor(ctx.auth)(await kit.insertRecord<VendorRow>(t, ctx, vendorDef, input).catch(duplicateName)),
  );

/** Changes a vendor when `version` matches (stale → 409 with the current one); audited. */
export const updateVendor = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof leadVendorUpdateInput>,
): Promise<LeadVendor> =>
  kit.inTenant(ctx, async (t) => {
    const { version, ...patch } = input;
    const { after } = await kit
      .updateRecord<VendorRow>(t, ctx, vendorDef, {
        id,
        version,
        patch,
        toDto: toVendor(ctx.auth),
      })
      .catch(duplicateName);
    return toVendor(ctx.auth)(after);
  });

/** Archives or restores a vendor (optionally version-checked); audited. */
export const archiveVendor = (
  ctx: AuthedContext,
  id: string,
  { archived, version }: kit.ArchiveChange,
): Promise<LeadVendor> =>
  kit.inTenant(ctx, async (t) =>
    toVendor(ctx.auth)(
      (
        await kit.setArchived<VendorRow>(t, ctx, vendorDef, {
          id,
          archived,
          version,
          toDto: toVendor(ctx.auth),
        })
      ).after,
    ),
  );

/** Deletes a vendor; one that leads still name is a 409 (archive it instead). */
export const deleteVendor = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, vendorDef, id));
