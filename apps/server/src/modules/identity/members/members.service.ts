import { type Member, type MemberUpdateInput, OWNER_ROLE_KEY } from '@tessera/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import { diffChanges, writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { notFound } from '../../../platform/http/app-error.ts';
import { conflict, inTenant } from '../../../platform/records/index.ts';
import { memberships, roles, teamMembers, users } from '../tables.ts';
import {
  assertCanAssignRole,
  assertCanChangeMember,
  assertCanGrant,
  assertNotLastOwner,
} from './access-rules.ts';
import { activeOwnerCount, grantorOf } from './grantor.ts';

const memberColumns = {
  m: memberships,
  name: users.name,
  email: users.email,
  roleName: roles.name,
  roleKey: roles.key,
};

type Row = {
  m: typeof memberships.$inferSelect;
  name: string;
  email: string;
  roleName: string;
  roleKey: string | null;
};

const toMember = (r: Row): Member => ({
  id: r.m.id,
  userId: r.m.userId,
  name: r.name,
  email: r.email,
  roleId: r.m.roleId,
  roleName: r.roleName,
  status: r.m.status,
  grants: r.m.grants as Member['grants'],
  denials: r.m.denials as Member['denials'],
  createdAt: r.m.createdAt.toISOString(),
  version: r.m.version,
});

const selectMembers = (tx: Tx) =>
  tx
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(roles, eq(roles.id, memberships.roleId));

const findMember = async (tx: Tx, tenantId: string, id: string): Promise<Row> => {
  const [row] = await selectMembers(tx).where(
    and(eq(memberships.tenantId, tenantId), eq(memberships.id, id)),
  );
  if (!row) throw notFound('Member');
  return row;
};

export const listMembers = (ctx: AuthedContext): Promise<Member[]> =>
  inTenant(ctx, async (tx) =>
    (
      await selectMembers(tx)
        .where(eq(memberships.tenantId, ctx.tenantId))
        .orderBy(asc(users.name))
        .limit(1000)
    ).map(toMember),
  );

/**
 * Changes a member's role, status, grants or denials (version-checked). Guards: no granting above your own
 * permissions, owners handled by owners, nobody changes themselves, the last owner stays.
 */
export const updateMember = (ctx: AuthedContext, id: string, input: MemberUpdateInput): Promise<Member> =>
  inTenant(ctx, async (tx) => {
    const before = await findMember(tx, ctx.tenantId, id);
    const grantor = await grantorOf(tx, ctx);
    const target = { userId: before.m.userId, roleKey: before.roleKey, status: before.m.status };
    assertCanChangeMember(grantor, target, { access: true });
    let newRole: typeof roles.$inferSelect | undefined;
    if (input.roleId && input.roleId !== before.m.roleId) {
      [newRole] = await tx
        .select()
        .from(roles)
        .where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.id, input.roleId)));
      if (!newRole) throw notFound('Role');
      assertCanAssignRole(grantor, newRole);
    }
    if (input.grants)
      assertCanGrant(
        grantor,
        input.grants.filter((g) => !before.m.grants.includes(g)),
      );
    const leavesOwnership =
      (newRole !== undefined && newRole.key !== OWNER_ROLE_KEY) || input.status === 'disabled';
    assertNotLastOwner(await activeOwnerCount(tx, ctx.tenantId), target, leavesOwnership);
    const [updated] = await tx
      .update(memberships)
      .set({
        ...(newRole ? { roleId: newRole.id } : {}),
        ...(input.status ? { status: input.status } : {}),
        ...(input.grants ? { grants: [...new Set(input.grants)] } : {}),
        ...(input.denials ? { denials: [...new Set(input.denials)] } : {}),
        version: sql`${memberships.version} + 1`,
      })
      .where(
        and(
          eq(memberships.tenantId, ctx.tenantId),
          eq(memberships.id, id),
          eq(memberships.version, input.version),
        ),
      )
      .returning();
    if (!updated) throw conflict('Member', toMember(before));
    const after = await findMember(tx, ctx.tenantId, id);
    const changes = diffChanges(
      { ...before.m, role: before.roleName },
      { ...after.m, role: after.roleName },
      ['role', 'status', 'grants', 'denials'],
    );
    await writeAudit(tx, ctx, { action: 'member.updated', targetType: 'member', targetId: id, changes });
    return toMember(after);
  });

/** Removes a member from the company (their sessions here stop at once); you may remove yourself unless last owner. */
export const removeMember = (ctx: AuthedContext, id: string): Promise<void> =>
  inTenant(ctx, async (tx) => {
    const before = await findMember(tx, ctx.tenantId, id);
    const target = { userId: before.m.userId, roleKey: before.roleKey, status: before.m.status };
    assertCanChangeMember(await grantorOf(tx, ctx), target, { access: false });
    assertNotLastOwner(await activeOwnerCount(tx, ctx.tenantId), target, true);
    await tx
      .delete(teamMembers)
      .where(and(eq(teamMembers.tenantId, ctx.tenantId), eq(teamMembers.userId, before.m.userId)));
    await tx.delete(memberships).where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.id, id)));
    await writeAudit(tx, ctx, {
      action: 'member.removed',
      targetType: 'member',
      targetId: id,
      changes: { email: { from: before.email, to: null }, role: { from: before.roleName, to: null } },
    });
  });
