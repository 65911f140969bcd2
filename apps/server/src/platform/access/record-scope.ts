import type { RecordScope, ScopedResource } from '@tessera/contracts';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { Principal } from './principal.ts';

/** The caller's record scope for a resource: own, team or all (default all). */
export const scopeFor = (principal: Principal, resource: ScopedResource): RecordScope =>
  principal.scopes[resource] ?? 'all';

/**
 * A WHERE condition limiting rows to the caller's scope, for lists, details, exports and search:
 * `own` → owner is the caller; `team` → owner shares a team with the caller (or is the caller); `all` → no limit.
 * Team membership comes from `team_members` (identity module), read by name so platform stays module-free.
 */
export const scopeCondition = (
  principal: Principal,
  resource: ScopedResource,
  ownerColumn: AnyColumn,
): SQL | undefined => {
  const scope = scopeFor(principal, resource);
  if (scope === 'all') return undefined;
  if (!principal.userId) return sql`false`;
  if (scope === 'own') return sql`${ownerColumn} = ${principal.userId}`;
  return sql`(${ownerColumn} = ${principal.userId} or ${ownerColumn} in (
    select tm.user_id from team_members tm
    where tm.tenant_id = ${principal.tenantId}
      and tm.team_id in (select mine.team_id from team_members mine
                         where mine.tenant_id = ${principal.tenantId} and mine.user_id = ${principal.userId})))`;
};

/** For a single record already loaded: may the caller see it under their scope? */
export const inScope = (
  principal: Principal,
  resource: ScopedResource,
  ownerId: string | null,
  teamMateIds: ReadonlySet<string>,
) => {
  const scope = scopeFor(principal, resource);
  if (scope === 'all') return true;
  if (!ownerId || !principal.userId) return false;
  return ownerId === principal.userId || (scope === 'team' && teamMateIds.has(ownerId));
};
