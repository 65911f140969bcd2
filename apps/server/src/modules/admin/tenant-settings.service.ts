import type { TenantSettingsDto, TenantSettingsUpdateInput } from '@tessera/contracts';
import { and, eq, sql } from 'drizzle-orm';
import { diffChanges, writeAudit } from '../../platform/audit/index.ts';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/app-error.ts';
import { conflict, inTenant } from '../../platform/records/index.ts';
import { tenantSettings } from './tables.ts';

export type TenantSettings = typeof tenantSettings.$inferSelect;

/** Creates the settings row of the current tenant (inside its tenant transaction: RLS checks the tenant). */
export const initTenantSettings = async (
  tx: Tx,
  tenantId: string,
  input: Partial<Pick<TenantSettings, 'currency' | 'timezone' | 'locale'>> = {},
): Promise<TenantSettings> => {
  const [row] = await tx
    .insert(tenantSettings)
    .values({ tenantId, ...input })
    .returning();
  if (!row) throw new Error('tenant settings insert returned nothing');
  return row;
};

export const getTenantSettings = async (tx: Tx, tenantId: string): Promise<TenantSettings | undefined> =>
  (await tx.select().from(tenantSettings).where(eq(tenantSettings.tenantId, tenantId)))[0];

const AUDITED = [
  'companyName',
  'logo',
  'primaryColor',
  'accentColor',
  'currency',
  'timezone',
  'locale',
  'taxRateBasisPoints',
  'pricesIncludeTax',
  'taxId',
  'fiscalYearStartMonth',
] as const;

export const toSettingsDto = (r: TenantSettings): TenantSettingsDto => ({
  companyName: r.companyName,
  logo: r.logo,
  primaryColor: r.primaryColor,
  accentColor: r.accentColor,
  currency: r.currency,
  timezone: r.timezone,
  locale: r.locale,
  taxRateBasisPoints: r.taxRateBasisPoints,
  pricesIncludeTax: r.pricesIncludeTax,
  taxId: r.taxId,
  fiscalYearStartMonth: r.fiscalYearStartMonth,
  updatedAt: r.updatedAt.toISOString(),
  version: r.version,
});

const existing = async (tx: Tx, tenantId: string) => {
  const row = await getTenantSettings(tx, tenantId);
  if (!row) throw notFound('Settings');
  return row;
};

/** The caller's company settings (every member reads them: the web app formats money and dates with them). */
export const readSettings = (ctx: AuthedContext): Promise<TenantSettingsDto> =>
  inTenant(ctx, async (tx) => toSettingsDto(await existing(tx, ctx.tenantId)));

/** Changes the settings (version-checked, audited; the logo is recorded as changed, never by value). */
export const updateSettings = (
  ctx: AuthedContext,
  input: TenantSettingsUpdateInput,
): Promise<TenantSettingsDto> =>
  inTenant(ctx, async (tx) => {
    const before = await existing(tx, ctx.tenantId);
    const { version, ...changes } = input;
    const [after] = await tx
      .update(tenantSettings)
      .set({ ...changes, version: sql`${tenantSettings.version} + 1` })
      .where(and(eq(tenantSettings.tenantId, ctx.tenantId), eq(tenantSettings.version, version)))
      .returning();
    if (!after) throw conflict('Settings', toSettingsDto(before));
    const diff = diffChanges(before, after, AUDITED);
    if (diff.logo) diff.logo = { from: before.logo ? '[image]' : null, to: after.logo ? '[image]' : null };
    await writeAudit(tx, ctx, {
      action: 'settings.updated',
      targetType: 'tenant_settings',
      targetId: ctx.tenantId,
      changes: diff,
    });
    return toSettingsDto(after);
  });
