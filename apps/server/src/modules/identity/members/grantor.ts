import { OWNER_ROLE_KEY } from '@tessera/contracts';
import { and, count, eq } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { memberships, roles } from '../tables.ts';
import type { Grantor } from './access-rules.ts';

/** The caller as a grantor, read inside the tenant transaction. */
export const grantorOf = async (tx: Tx, ctx: AuthedContext): Promise<Grantor> => {
  let isOwner = false;
  if (ctx.auth.membershipId) {
    const [row] = await tx
      .select({ key: roles.key })
      .from(memberships)
      .innerJoin(roles, eq(roles.id, memberships.roleId))
      .where(and(eq(memberships.id, ctx.auth.membershipId), eq(memberships.tenantId, ctx.tenantId)));
    isOwner = row?.key === OWNER_ROLE_KEY;
  }
  return { userId: ctx.auth.userId, permissions: ctx.auth.permissions, isOwner };
};

export const activeOwnerCount = async (tx: Tx, tenantId: string): Promise<number> => {
  const [row] = await tx
    .select({ n: count() })
    .from(memberships)
    .innerJoin(roles, eq(roles.id, memberships.roleId))
    .where(
      and(
        eq(memberships.tenantId, tenantId),
        eq(roles.key, OWNER_ROLE_KEY),
        eq(memberships.status, 'active'),
      ),
    );
  return row?.n ?? 0;
};
