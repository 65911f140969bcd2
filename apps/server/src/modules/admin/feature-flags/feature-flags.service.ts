import {
  type FeatureFlag,
  type FeatureFlagKey,
  type FeatureFlagUpdateInput,
  featureFlagCatalog,
  featureFlagKeys,
} from '@tessera/contracts';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { diffChanges, writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { type Database, type Tx, withTenant } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { conflict, inTenant } from '../../../platform/records/index.ts';
import { memberRole, roles } from '../../identity/index.ts';
import { featureFlags } from '../tables.ts';
import type { FlagCache, StoredFlag, TenantFlags } from './flag-cache.ts';

type FlagRow = typeof featureFlags.$inferSelect;

const readStored = async (tx: Tx, tenantId: string): Promise<Map<string, FlagRow>> =>
  new Map(
    (await tx.select().from(featureFlags).where(eq(featureFlags.tenantId, tenantId))).map((r) => [r.key, r]),
  );

/** Absent: on (the default). Off: off. Roles named: on only for members of those roles. */
const decide = (flag: StoredFlag | undefined, roleId: string | undefined) =>
  !flag ||
  (flag.enabled && (flag.roleIds.length === 0 || (roleId !== undefined && flag.roleIds.includes(roleId))));
const needsRole = (flag: StoredFlag | undefined) => flag?.enabled === true && flag.roleIds.length > 0;

const onFor = async (tx: Tx, tenantId: string, userId: string | null, flag: StoredFlag | undefined) => {
  const role = needsRole(flag) && userId ? await memberRole(tx, tenantId, userId) : undefined;
  return decide(flag, role?.id);
};

/** The flags every request and job consults: read through the cache, invalidated across instances. */
export const createFeatureFlags = (database: Database, cache: FlagCache) => {
  const tenantFlags = async (tx: Tx, tenantId: string): Promise<TenantFlags> => {
    const cached = await cache.get(tenantId);
    if (cached) return cached;
    const markedAt = cache.mark();
    const rows = await readStored(tx, tenantId);
    const flags = new Map([...rows].map(([k, r]) => [k, { enabled: r.enabled, roleIds: r.roleIds }]));
    cache.fill(tenantId, flags, markedAt);
    return flags;
  };
  return {
    /** Whether `key` is on for `userId` in `tenantId` (a job passes the member it acts for, or null). */
    isOn: async (tenantId: string, userId: string | null, key: string, since?: number): Promise<boolean> => {
      const cached = await cache.get(tenantId, since);
      // The common case (default, or a tenant-wide switch) needs no transaction.
      if (cached && !needsRole(cached.get(key))) return decide(cached.get(key), undefined);
      return withTenant(
        database,
        tenantId,
        async (tx) => onFor(tx, tenantId, userId, (await tenantFlags(tx, tenantId)).get(key)),
        userId,
      );
    },
  };
};
export type FeatureFlags = ReturnType<typeof createFeatureFlags>;

const toDto = (key: FeatureFlagKey, row: FlagRow | undefined, on: boolean): FeatureFlag => ({
  key,
  ...featureFlagCatalog[key],
  enabled: row?.enabled ?? true,
  roleIds: row?.roleIds ?? [],
  on,
  version: row?.version ?? 0,
  updatedAt: row?.updatedAt.toISOString() ?? null,
});

/** Every flag of the catalog with the tenant's choice and whether it is on for the caller. */
export const listFlags = (ctx: AuthedContext): Promise<FeatureFlag[]> =>
  inTenant(ctx, async (tx) => {
    const stored = await readStored(tx, ctx.tenantId);
    return Promise.all(
      featureFlagKeys.map(async (key) => {
        const row = stored.get(key);
        return toDto(key, row, await onFor(tx, ctx.tenantId, ctx.userId, row));
      }),
    );
  });

const assertRoles = async (tx: Tx, tenantId: string, roleIds: readonly string[]) => {
  if (roleIds.length === 0) return;
  const found = await tx
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), inArray(roles.id, [...roleIds])));
  const known = new Set(found.map((r) => r.id));
  const missing = roleIds.findIndex((id) => !known.has(id));
  if (missing >= 0)
    throw new AppError('NOT_FOUND', 'Role not found', {
      details: [{ path: `body.roleIds.${missing}`, message: 'Not found' }],
    });
};

/** Turns a flag on or off (optionally for some roles only); version-checked (0: never set), audited. */
export const updateFlag = (
  ctx: AuthedContext,
  key: FeatureFlagKey,
  input: FeatureFlagUpdateInput,
): Promise<FeatureFlag> =>
  inTenant(ctx, async (tx) => {
    const roleIds = [...new Set(input.roleIds ?? [])];
    await assertRoles(tx, ctx.tenantId, roleIds);
    const before = (await readStored(tx, ctx.tenantId)).get(key);
    const values = { enabled: input.enabled, roleIds };
    const [after] =
      input.version === 0
        ? await tx
            .insert(featureFlags)
            .values({ tenantId: ctx.tenantId, key, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(featureFlags)
            .set({ ...values, version: sql`${featureFlags.version} + 1` })
            .where(
              and(
                eq(featureFlags.tenantId, ctx.tenantId),
                eq(featureFlags.key, key),
                eq(featureFlags.version, input.version),
              ),
            )
            .returning();
    if (!after) throw conflict('Feature flag', toDto(key, before, false));
    await writeAudit(tx, ctx, {
      action: 'feature_flag.updated',
      targetType: 'feature_flag',
      targetId: key,
      changes: diffChanges(before ?? { enabled: true, roleIds: [] }, after, ['enabled', 'roleIds']),
    });
    return toDto(key, after, await onFor(tx, ctx.tenantId, ctx.userId, after));
  });

/**
 * For jobs and event consumers (no cache: they are not on the request path): whether `key` is on for the
 * member a job acts for (`userId`, or null: the tenant-wide switch), inside the caller's tenant transaction.
 */
export const featureOn = async (tx: Tx, tenantId: string, userId: string | null, key: FeatureFlagKey) => {
  const [row] = await tx
    .select()
    .from(featureFlags)
    .where(and(eq(featureFlags.tenantId, tenantId), eq(featureFlags.key, key)));
  return onFor(tx, tenantId, userId, row);
};

/** The features that are off for `userId` (one read of the tenant's flags), inside a tenant transaction. */
export const featuresOff = async (
  tx: Tx,
  tenantId: string,
  userId: string | null,
): Promise<Set<FeatureFlagKey>> => {
  const stored = await readStored(tx, tenantId);
  const off = new Set<FeatureFlagKey>();
  for (const key of featureFlagKeys) if (!(await onFor(tx, tenantId, userId, stored.get(key)))) off.add(key);
  return off;
};
