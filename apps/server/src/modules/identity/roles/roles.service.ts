import { OWNER_ROLE_KEY, type Role, type RoleCreateInput, type RoleUpdateInput } from '@tessera/contracts';
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { diffChanges, writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { isUniqueViolation, type Tx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { conflict, inTenant } from '../../../platform/records/index.ts';
import { assertCanGrant } from '../members/access-rules.ts';
import { grantorOf } from '../members/grantor.ts';
import { memberships, roles } from '../tables.ts';

type RoleRow = typeof roles.$inferSelect;

const toRole = (r: RoleRow, memberCount: number): Role => ({
  id: r.id,
  key: r.key,
  name: r.name,
  description: r.description,
  permissions: r.permissions as Role['permissions'],
  scopes: r.scopes as Role['scopes'],
  isSystem: r.isSystem,
  memberCount,
  createdAt: r.createdAt.toISOString(),
  version: r.version,
});

const memberCounts = async (tx: Tx, tenantId: string) =>
  new Map(
    (
      await tx
        .select({ roleId: memberships.roleId, n: count() })
        .from(memberships)
        .where(eq(memberships.tenantId, tenantId))
        .groupBy(memberships.roleId)
    ).map((r) => [r.roleId, r.n]),
  );

const findRole = async (tx: Tx, tenantId: string, id: string) => {
  const [row] = await tx
    .select()
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), eq(roles.id, id)));
  if (!row) throw notFound('Role');
  return row;
};

const nameTaken = (err: unknown) => isUniqueViolation(err, 'roles_tenant_name_key');
const duplicateName = () => new AppError('CONFLICT', 'A role with this name already exists');

export const listRoles = (ctx: AuthedContext): Promise<Role[]> =>
  inTenant(ctx, async (tx) => {
    const counts = await memberCounts(tx, ctx.tenantId);
    const rows = await tx
      .select()
      .from(roles)
      .where(eq(roles.tenantId, ctx.tenantId))
      .orderBy(asc(roles.isSystem), asc(roles.name));
    return rows.map((r) => toRole(r, counts.get(r.id) ?? 0));
  });

export const getRole = (ctx: AuthedContext, id: string): Promise<Role> =>
  inTenant(ctx, async (tx) =>
    toRole(await findRole(tx, ctx.tenantId, id), (await memberCounts(tx, ctx.tenantId)).get(id) ?? 0),
  );

/** A custom role; its permissions must all be held by the caller. */
export const createRole = (ctx: AuthedContext, input: RoleCreateInput): Promise<Role> =>
  inTenant(ctx, async (tx) => {
    assertCanGrant(await grantorOf(tx, ctx), input.permissions);
    const [row] = await tx
      .insert(roles)
      .values({
        tenantId: ctx.tenantId,
        name: input.name,
        description: input.description ?? '',
        permissions: [...new Set(input.permissions)],
        scopes: input.scopes ?? {},
      })
      .returning()
      .catch((err: unknown) => {
        throw nameTaken(err) ? duplicateName() : err;
      });
    if (!row) throw new Error('role insert returned nothing');
    await writeAudit(tx, ctx, {
      action: 'role.created',
      targetType: 'role',
      targetId: row.id,
      changes: diffChanges(null, row, ['name', 'description', 'permissions', 'scopes']),
    });
    return toRole(row, 0);
  });

/**
 * Changes a role (version-checked). The owner role is fixed; system roles keep their name; permissions the
 * caller does not hold cannot be added (removing is allowed).
 */
export const updateRole = (ctx: AuthedContext, id: string, input: RoleUpdateInput): Promise<Role> =>
  inTenant(ctx, async (tx) => {
    const before = await findRole(tx, ctx.tenantId, id);
    if (before.key === OWNER_ROLE_KEY)
      throw new AppError('FORBIDDEN', 'The Owner role always has every permission and cannot be changed');
    if (before.isSystem && input.name !== undefined && input.name !== before.name)
      throw new AppError('FORBIDDEN', 'System roles keep their name');
    if (input.permissions) {
      const held = new Set(before.permissions);
      assertCanGrant(
        await grantorOf(tx, ctx),
        input.permissions.filter((p) => !held.has(p)),
      );
    }
    const [after] = await tx
      .update(roles)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.permissions ? { permissions: [...new Set(input.permissions)] } : {}),
        ...(input.scopes ? { scopes: input.scopes } : {}),
        version: sql`${roles.version} + 1`,
      })
      .where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.id, id), eq(roles.version, input.version)))
      .returning()
      .catch((err: unknown) => {
        throw nameTaken(err) ? duplicateName() : err;
      });
    if (!after) throw conflict('Role', toRole(before, 0));
    await writeAudit(tx, ctx, {
      action: 'role.updated',
      targetType: 'role',
      targetId: id,
      changes: diffChanges(before, after, ['name', 'description', 'permissions', 'scopes']),
    });
    return toRole(after, (await memberCounts(tx, ctx.tenantId)).get(id) ?? 0);
  });

export const deleteRole = (ctx: AuthedContext, id: string): Promise<void> =>
  inTenant(ctx, async (tx) => {
    const role = await findRole(tx, ctx.tenantId, id);
    if (role.isSystem) throw new AppError('FORBIDDEN', 'System roles cannot be deleted');
    const inUse = (await memberCounts(tx, ctx.tenantId)).get(id) ?? 0;
    if (inUse > 0)
      throw new AppError('CONFLICT', `${inUse} member(s) have this role. Give them another role first.`);
    await tx.delete(roles).where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.id, id)));
    await writeAudit(tx, ctx, {
      action: 'role.deleted',
      targetType: 'role',
      targetId: id,
      changes: { name: { from: role.name, to: null } },
    });
  });
