import type { ApiKey, apiKeyCreateInput, listQuery, Pagination, Permission } from '@tessera/contracts';
import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { diffChanges, writeAudit } from '../../../platform/audit/index.ts';
import { sha256 } from '../../../platform/auth/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { inTenant, type ListSpec, runList } from '../../../platform/records/index.ts';
import { apiKeys } from '../tables.ts';
import { newApiKey } from './api-key-format.ts';

type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ApiKeyListQuery = z.output<typeof listQuery>;
export type ApiKeyCreate = z.output<typeof apiKeyCreateInput>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The public view of a key: never the key itself nor its hash. */
const toApiKey = (row: ApiKeyRow): ApiKey => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  permissions: row.permissions as Permission[],
  expiresAt: iso(row.expiresAt),
  lastUsedAt: iso(row.lastUsedAt),
  revokedAt: iso(row.revokedAt),
  createdAt: row.createdAt.toISOString(),
});

const keyList: ListSpec = {
  table: apiKeys,
  id: apiKeys.id,
  tenantId: apiKeys.tenantId,
  sorts: { id: { expr: apiKeys.id, type: 'uuid' } },
  where: [],
};

/** Every key of the tenant (revoked and expired ones too), newest first; ids are UUIDv7, so id order is creation order. */
export const listApiKeys = (
  ctx: AuthedContext,
  query: ApiKeyListQuery,
): Promise<{ items: ApiKey[]; pagination: Pagination }> =>
  inTenant(ctx, async (tx) => {
    const { rows: items, pagination } = await runList<ApiKeyRow>(
      tx,
      keyList,
      ctx.tenantId,
      { limit: query.limit, cursor: query.cursor, sort: '-id' },
      getTableColumns(apiKeys),
    );
    return { items: items.map(toApiKey), pagination };
  });

/** Nobody can hand a key more than they hold: every permission must be among the caller's own. */
const assertHeld = (ctx: AuthedContext, requested: readonly Permission[]) => {
  const missing = [...new Set(requested)].filter((p) => !ctx.auth.permissions.has(p)).sort();
  if (missing.length > 0) {
    throw new AppError(
      'FORBIDDEN',
      `You cannot give a key permissions you do not have: ${missing.join(', ')}`,
      {
        details: { missing },
      },
    );
  }
};

/** Creates a key; the answer carries the key itself, the only time it is ever shown (only its SHA-256 is stored). */
export const createApiKey = (ctx: AuthedContext, input: ApiKeyCreate): Promise<ApiKey & { key: string }> => {
  // A key acts for a person; it may not mint further keys that would outlive or escape it.
  if (ctx.auth.kind === 'api_key')
    throw new AppError('FORBIDDEN', 'API keys cannot create API keys; sign in as a member');
  assertHeld(ctx, input.permissions);
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= Date.now()) {
    throw new AppError('VALIDATION_ERROR', 'The expiry date must be in the future', {
      details: [{ path: 'body.expiresAt', message: 'Must be in the future' }],
    });
  }
  return inTenant(ctx, async (tx) => {
    const { key, prefix } = newApiKey(ctx.tenantId);
    const [row] = await tx
      .insert(apiKeys)
      .values({
        tenantId: ctx.tenantId,
        name: input.name,
        prefix,
        keyHash: sha256(key),
        permissions: [...new Set(input.permissions)],
        createdBy: ctx.userId,
        expiresAt,
      })
      .returning();
    if (!row) throw new Error('api key insert returned nothing');
    const view = toApiKey(row);
    await writeAudit(tx, ctx, {
      action: 'api_key.created',
      targetType: 'api_key',
      targetId: row.id,
      changes: diffChanges(null, view, ['name', 'prefix', 'permissions', 'expiresAt']),
    });
    return { ...view, key };
  });
};

const findKey = async (tx: Tx, tenantId: string, id: string): Promise<ApiKeyRow> => {
  const [row] = await tx
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.tenantId, tenantId), eq(apiKeys.id, id)))
    .for('update');
  if (!row) throw notFound('API key');
  return row;
};

/** Revokes a key at once (the next request with it is a 401). Revoking a revoked key changes nothing. */
export const revokeApiKey = (ctx: AuthedContext, id: string): Promise<ApiKey> =>
  inTenant(ctx, async (tx) => {
    const before = await findKey(tx, ctx.tenantId, id);
    if (before.revokedAt) return toApiKey(before);
    const [after] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(apiKeys.tenantId, ctx.tenantId), eq(apiKeys.id, id)))
      .returning();
    if (!after) throw new Error('api key revoke matched no row while locked');
    const view = toApiKey(after);
    await writeAudit(tx, ctx, {
      action: 'api_key.revoked',
      targetType: 'api_key',
      targetId: id,
      changes: { revokedAt: { from: null, to: view.revokedAt } },
    });
    return view;
  });
