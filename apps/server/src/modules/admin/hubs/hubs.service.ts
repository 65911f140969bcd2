import type { HubConfig, HubOverride, HubSaveInput, HubVersion, MyHub, RoleHub } from '@tessera/contracts';
import { visibleHub } from '@tessera/contracts';
import { and, desc, eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { isUniqueViolation, type Tx } from '../../../platform/db/index.ts';
import { notFound } from '../../../platform/http/app-error.ts';
import { conflict, inTenant } from '../../../platform/records/index.ts';
import { memberRole, roles } from '../../identity/index.ts';
import { featuresOff } from '../feature-flags/feature-flags.service.ts';
import { hubOverrides } from '../tables.ts';
import { mergeOverride, roleBase } from './hub-layers.ts';

const findRole = async (tx: Tx, tenantId: string, roleId: string) => {
  const [role] = await tx
    .select()
    .from(roles)
    .where(and(eq(roles.tenantId, tenantId), eq(roles.id, roleId)));
  if (!role) throw notFound('Role', 'params.roleId');
  return role;
};

const latest = async (tx: Tx, tenantId: string, roleId: string) =>
  (
    await tx
      .select()
      .from(hubOverrides)
      .where(and(eq(hubOverrides.tenantId, tenantId), eq(hubOverrides.roleId, roleId)))
      .orderBy(desc(hubOverrides.version))
      .limit(1)
  )[0];

/** The role's effective config; a stored override the current base no longer accepts falls back to the base. */
const effectiveOf = (base: HubConfig, override: HubOverride | undefined, log: AuthedContext['log']) => {
  if (!override) return base;
  try {
    return mergeOverride(base, override);
  } catch (err) {
    log.warn({ err }, 'stored hub override no longer valid; using the base config');
    return base;
  }
};

/** The caller's hub: their role's effective config without what they may not see. */
export const myHub = (ctx: AuthedContext): Promise<MyHub> =>
  inTenant(ctx, async (tx) => {
    const member = ctx.userId ? await memberRole(tx, ctx.tenantId, ctx.userId) : undefined;
    if (!member) throw notFound('Hub');
    const role = await findRole(tx, ctx.tenantId, member.id);
    const stored = await latest(tx, ctx.tenantId, role.id);
    const config = effectiveOf(roleBase(role.key), stored?.config, ctx.log);
    const off = await featuresOff(tx, ctx.tenantId, ctx.userId);
    return {
      roleId: role.id,
      roleName: role.name,
      version: stored?.version ?? 0,
      config: visibleHub(config, ctx.auth.permissions, off),
    };
  });

const roleHubOf = async (tx: Tx, ctx: AuthedContext, roleId: string): Promise<RoleHub> => {
  const role = await findRole(tx, ctx.tenantId, roleId);
  const stored = await latest(tx, ctx.tenantId, roleId);
  const base = roleBase(role.key);
  return {
    roleId,
    roleKey: role.key,
    roleName: role.name,
    base,
    override: (stored?.config as RoleHub['override']) ?? null,
    version: stored?.version ?? 0,
    effective: effectiveOf(base, stored?.config, ctx.log),
  };
};

/** The editor's view of one role: base (repository), the tenant's override and the effective result. */
export const roleHub = (ctx: AuthedContext, roleId: string): Promise<RoleHub> =>
  inTenant(ctx, (tx) => roleHubOf(tx, ctx, roleId));

/** What a role's members would see with `override` (validated, filtered by the role's permissions). */
export const previewHub = (ctx: AuthedContext, roleId: string, override: HubOverride): Promise<HubConfig> =>
  inTenant(ctx, async (tx) => {
    const role = await findRole(tx, ctx.tenantId, roleId);
    return visibleHub(mergeOverride(roleBase(role.key), override), new Set(role.permissions), new Set());
  });

/** Inserts `config` as the role's next version, if `version` is still the current one (else 409). Audited. */
const addVersion = async (
  tx: Tx,
  ctx: AuthedContext,
  change: { roleId: string; version: number; config: HubOverride; note: string | null; action: string },
) => {
  const current = (await latest(tx, ctx.tenantId, change.roleId))?.version ?? 0;
  if (current !== change.version) throw conflict('Hub', { version: current });
  await tx
    .insert(hubOverrides)
    .values({
      tenantId: ctx.tenantId,
      roleId: change.roleId,
      version: current + 1,
      config: change.config,
      note: change.note,
      createdBy: ctx.userId,
    })
    .catch((err: unknown) => {
      // A concurrent save took this version number first.
      if (isUniqueViolation(err, 'hub_overrides_role_version_key'))
        throw conflict('Hub', { version: current });
      throw err;
    });
  await writeAudit(tx, ctx, {
    action: change.action,
    targetType: 'role',
    targetId: change.roleId,
    changes: { hubVersion: { from: current, to: current + 1 } },
  });
};

/** Saves a new override version (validated: an invalid one is refused with per-field errors). */
export const saveHub = (ctx: AuthedContext, roleId: string, input: HubSaveInput): Promise<RoleHub> =>
  inTenant(ctx, async (tx) => {
    const role = await findRole(tx, ctx.tenantId, roleId);
    mergeOverride(roleBase(role.key), input.override);
    const note = input.note?.trim() || null;
    await addVersion(tx, ctx, {
      roleId,
      version: input.version,
      config: input.override,
      note,
      action: 'hub.saved',
    });
    return roleHubOf(tx, ctx, roleId);
  });

/** Saves an earlier version's override again as the newest version (history is never rewritten). */
export const rollbackHub = (
  ctx: AuthedContext,
  roleId: string,
  input: { toVersion: number; version: number },
): Promise<RoleHub> =>
  inTenant(ctx, async (tx) => {
    const role = await findRole(tx, ctx.tenantId, roleId);
    const [target] = await tx
      .select()
      .from(hubOverrides)
      .where(
        and(
          eq(hubOverrides.tenantId, ctx.tenantId),
          eq(hubOverrides.roleId, roleId),
          eq(hubOverrides.version, input.toVersion),
        ),
      );
    if (!target) throw notFound('Hub version', 'body.toVersion');
    mergeOverride(roleBase(role.key), target.config);
    await addVersion(tx, ctx, {
      roleId,
      version: input.version,
      config: target.config,
      note: `Rollback to version ${input.toVersion}`,
      action: 'hub.rolled_back',
    });
    return roleHubOf(tx, ctx, roleId);
  });

/** Every saved version of the role's override, newest first. */
export const hubVersions = (ctx: AuthedContext, roleId: string): Promise<HubVersion[]> =>
  inTenant(ctx, async (tx) => {
    await findRole(tx, ctx.tenantId, roleId);
    const rows = await tx
      .select({
        version: hubOverrides.version,
        note: hubOverrides.note,
        createdAt: hubOverrides.createdAt,
        createdBy: hubOverrides.createdBy,
      })
      .from(hubOverrides)
      .where(and(eq(hubOverrides.tenantId, ctx.tenantId), eq(hubOverrides.roleId, roleId)))
      .orderBy(desc(hubOverrides.version))
      .limit(200);
    return rows.map((r, i) => ({ ...r, createdAt: r.createdAt.toISOString(), current: i === 0 }));
  });
