import type { AdminIpAllowlistDto, AdminIpAllowlistUpdateInput } from '@tessera/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { addressAllowed } from '../../platform/access/index.ts';
import { writeAudit } from '../../platform/audit/index.ts';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import { authedContext } from '../../platform/context/service-context.ts';
import type { Database } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { conflict, inTenant } from '../../platform/records/index.ts';
import { tenantSettings } from './tables.ts';

const toDto = (row: { adminIpAllowlist: string[]; version: number }, ip: string): AdminIpAllowlistDto => ({
  addresses: row.adminIpAllowlist,
  yourAddress: ip,
  version: row.version,
});

const current = async (ctx: AuthedContext) => {
  const [row] = await inTenant(ctx, (tx) =>
    tx
      .select({ adminIpAllowlist: tenantSettings.adminIpAllowlist, version: tenantSettings.version })
      .from(tenantSettings)
      .where(eq(tenantSettings.tenantId, ctx.tenantId)),
  );
  if (!row) throw notFound('Settings');
  return row;
};

/** The list admin operations are allowed from (the guard in platform/access/admin-ip-guard reads it). */
export const readAllowlist = async (ctx: AuthedContext): Promise<AdminIpAllowlistDto> =>
  toDto(await current(ctx), ctx.ip ?? '');

/** For the guard: the caller's tenant's list, read on every admin operation (a change applies at once). */
export const allowlistOf =
  (database: Database) =>
  async (req: FastifyRequest): Promise<readonly string[]> =>
    (await current(authedContext(req, database))).adminIpAllowlist;

/**
 * Replaces the list (version-checked, audited). A list that would shut out the caller's own address is refused:
 * the one who saves it must still be able to change it back.
 */
export const updateAllowlist = (
  ctx: AuthedContext,
  input: AdminIpAllowlistUpdateInput,
): Promise<AdminIpAllowlistDto> => {
  const addresses = [...new Set(input.addresses)];
  const ip = ctx.ip ?? '';
  if (!addressAllowed(ip, addresses)) {
    throw new AppError(
      'VALIDATION_ERROR',
      `Your own address (${ip}) is not on the list: saving it would lock you out. Add it or a range that holds it.`,
      { details: [{ path: 'addresses', message: `Must include ${ip}` }] },
    );
  }
  return inTenant(ctx, async (tx) => {
    const [before] = await tx
      .select({ adminIpAllowlist: tenantSettings.adminIpAllowlist, version: tenantSettings.version })
      .from(tenantSettings)
      .where(eq(tenantSettings.tenantId, ctx.tenantId));
    if (!before) throw notFound('Settings');
    const [after] = await tx
      .update(tenantSettings)
      .set({ adminIpAllowlist: addresses, version: sql`${tenantSettings.version} + 1` })
      .where(and(eq(tenantSettings.tenantId, ctx.tenantId), eq(tenantSettings.version, input.version)))
      .returning({ adminIpAllowlist: tenantSettings.adminIpAllowlist, version: tenantSettings.version });
    if (!after) throw conflict('Settings', toDto(before, ip));
    await writeAudit(tx, ctx, {
      action: 'settings.admin_ip_allowlist_updated',
      targetType: 'tenant_settings',
      targetId: ctx.tenantId,
      changes: { adminIpAllowlist: { from: before.adminIpAllowlist, to: after.adminIpAllowlist } },
    });
    return toDto(after, ip);
  });
};
