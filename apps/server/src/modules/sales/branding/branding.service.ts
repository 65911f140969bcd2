import type { SalesBranding, SalesBrandingUpdate } from '@tessera/contracts';
import { eq, sql } from 'drizzle-orm';
import { diffChanges, writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import type { DocumentBranding } from '../rendering/document-view.ts';
import { salesBranding } from './branding.tables.ts';

type BrandingRow = typeof salesBranding.$inferSelect;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** The branding row (null when the tenant never set one). */
export const brandingRowOf = async (tx: Tx, tenantId: string): Promise<BrandingRow | null> =>
  (await tx.select().from(salesBranding).where(eq(salesBranding.tenantId, tenantId)))[0] ?? null;

const toBranding = (row: BrandingRow | null): SalesBranding => ({
  primaryColor: row?.primaryColor ?? null,
  accentColor: row?.accentColor ?? null,
  logo:
    row?.logo && row.logoType
      ? { contentType: row.logoType as 'image/png' | 'image/jpeg', size: row.logo.length }
      : null,
  version: row?.version ?? 1,
});

/** What the renderers take (the footer text is a sales setting, added by the caller). */
export const documentBrandingOf = (row: BrandingRow | null): DocumentBranding => ({
  ...(row?.logo ? { logo: row.logo } : {}),
  ...(row?.primaryColor ? { primaryColor: row.primaryColor } : {}),
  ...(row?.accentColor ? { accentColor: row.accentColor } : {}),
});

export const getSalesBranding = (ctx: AuthedContext) =>
  kit.inTenant(ctx, async (t) => toBranding(await brandingRowOf(t, ctx.tenantId)));

/** The logo's bytes, or 404. */
export const getSalesLogo = (ctx: AuthedContext) =>
  kit.inTenant(ctx, async (t) => {
    const row = await brandingRowOf(t, ctx.tenantId);
    if (!row?.logo || !row.logoType) throw notFound('Logo');
    return { contentType: row.logoType, content: row.logo };
  });

const decodeLogo = (logo: NonNullable<SalesBrandingUpdate['logo']>): Uint8Array => {
  const bytes = new Uint8Array(Buffer.from(logo.data, 'base64'));
  const magic = logo.contentType === 'image/png' ? PNG : JPEG;
  if (bytes.length === 0 || !startsWith(bytes, magic)) {
    throw new AppError('VALIDATION_ERROR', 'The logo is not a PNG or JPEG image of the type given', {
      details: [{ path: 'logo.data', message: `Not a ${logo.contentType} image` }],
    });
  }
  return bytes;
};

/** Changes colours and/or the logo when `version` matches (stale → 409 with the current branding); audited. */
export const updateSalesBranding = (ctx: AuthedContext, input: SalesBrandingUpdate) =>
  kit.inTenant(ctx, async (t) => {
    const { version, logo, ...colors } = input;
    const logoBytes = logo ? decodeLogo(logo) : logo;
    await t.insert(salesBranding).values({ tenantId: ctx.tenantId }).onConflictDoNothing();
    const [before] = await t
      .select()
      .from(salesBranding)
      .where(eq(salesBranding.tenantId, ctx.tenantId))
      .for('update');
    if (!before) throw new Error('sales branding missing');
    if (before.version !== version) throw kit.conflict('Branding', toBranding(before));
    const [after] = await t
      .update(salesBranding)
      .set({
        ...colors,
        ...(logoBytes !== undefined
          ? { logo: logoBytes, logoType: logoBytes ? (logo?.contentType ?? null) : null }
          : {}),
        version: sql`${salesBranding.version} + 1`,
      })
      .where(eq(salesBranding.tenantId, ctx.tenantId))
      .returning();
    if (!after) throw new Error('sales branding missing');
    const summary = (r: BrandingRow) => ({ ...toBranding(r), logo: toBranding(r).logo?.size ?? null });
    await writeAudit(t, ctx, {
      action: 'sales_branding.update',
      targetType: 'sales_branding',
      targetId: ctx.tenantId,
      changes: diffChanges(summary(before), summary(after), ['primaryColor', 'accentColor', 'logo']),
    });
    return toBranding(after);
  });
