import type { listQuery, Pagination, Team, teamCreateInput, teamUpdateInput } from '@tessera/contracts';
import { and, asc, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { diffChanges, writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { isUniqueViolation, type Tx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { conflict, inTenant, type ListSpec, runList } from '../../../platform/records/index.ts';
import { memberships, teamMembers, teams } from '../tables.ts';

type TeamRow = typeof teams.$inferSelect;
export type TeamListQuery = z.output<typeof listQuery>;
export type TeamCreate = z.output<typeof teamCreateInput>;
export type TeamUpdate = z.output<typeof teamUpdateInput>;

const AUDITED = ['name', 'description'] as const;

const toTeam = (row: TeamRow, memberIds: string[]): Team => ({
  id: row.id,
  name: row.name,
  description: row.description,
  memberIds,
  createdAt: row.createdAt.toISOString(),
  version: row.version,
});

/** User ids per team, in the order they were added. */
const memberIdsByTeam = async (tx: Tx, tenantId: string, teamIds: string[]) => {
  const byTeam = new Map<string, string[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return byTeam;
  const rows = await tx
    .select({ teamId: teamMembers.teamId, userId: teamMembers.userId })
    .from(teamMembers)
    .where(and(eq(teamMembers.tenantId, tenantId), inArray(teamMembers.teamId, teamIds)))
    .orderBy(asc(teamMembers.createdAt), asc(teamMembers.userId));
  for (const r of rows) byTeam.get(r.teamId)?.push(r.userId);
  return byTeam;
};

const withMembers = async (tx: Tx, tenantId: string, row: TeamRow) =>
  toTeam(row, (await memberIdsByTeam(tx, tenantId, [row.id])).get(row.id) ?? []);

/** The team of this tenant (locked for the rest of the transaction when `lock`), or 404. */
const findTeam = async (tx: Tx, tenantId: string, id: string, lock = false): Promise<TeamRow> => {
  const query = tx
    .select()
    .from(teams)
    .where(and(eq(teams.tenantId, tenantId), eq(teams.id, id)));
  const [row] = lock ? await query.for('update') : await query;
  if (!row) throw notFound('Team');
  return row;
};

const rethrowDuplicateName = (err: unknown): never => {
  throw isUniqueViolation(err, 'teams_tenant_name_key')
    ? new AppError('CONFLICT', 'A team with this name already exists')
    : err;
};

const teamList: ListSpec = {
  table: teams,
  id: teams.id,
  tenantId: teams.tenantId,
  sorts: { name: { expr: sql`lower(${teams.name})`, type: 'text' } },
  where: [],
};

/** Teams ordered by name (case-insensitive), keyset-paginated on (lower(name), id). */
export const listTeams = (
  ctx: AuthedContext,
  query: TeamListQuery,
): Promise<{ items: Team[]; pagination: Pagination }> =>
  inTenant(ctx, async (tx) => {
    const { rows: items, pagination } = await runList<TeamRow>(
      tx,
      teamList,
      ctx.tenantId,
      { limit: query.limit, cursor: query.cursor, sort: 'name' },
      getTableColumns(teams),
    );
    const members = await memberIdsByTeam(
      tx,
      ctx.tenantId,
      items.map((r) => r.id),
    );
    return { items: items.map((r) => toTeam(r, members.get(r.id) ?? [])), pagination };
  });

export const getTeam = (ctx: AuthedContext, id: string): Promise<Team> =>
  inTenant(ctx, async (tx) => withMembers(tx, ctx.tenantId, await findTeam(tx, ctx.tenantId, id)));

export const createTeam = (ctx: AuthedContext, input: TeamCreate): Promise<Team> =>
  inTenant(ctx, async (tx) => {
    const [row] = await tx
      .insert(teams)
      .values({ tenantId: ctx.tenantId, name: input.name, description: input.description })
      .returning()
      .catch(rethrowDuplicateName);
    if (!row) throw new Error('team insert returned nothing');
    await writeAudit(tx, ctx, {
      action: 'team.created',
      targetType: 'team',
      targetId: row.id,
      changes: diffChanges(null, row, AUDITED),
    });
    return toTeam(row, []);
  });

/** Renames / re-describes a team. A stale `version` is a 409 carrying the current team; nothing changes. */
export const updateTeam = (ctx: AuthedContext, id: string, input: TeamUpdate): Promise<Team> =>
  inTenant(ctx, async (tx) => {
    const before = await findTeam(tx, ctx.tenantId, id, true);
    if (before.version !== input.version) {
      throw conflict('Team', await withMembers(tx, ctx.tenantId, before));
    }
    const set: Partial<Pick<TeamRow, 'name' | 'description'>> = {};
    if (input.name !== undefined && input.name !== before.name) set.name = input.name;
    if (input.description !== undefined && input.description !== before.description)
      set.description = input.description;
    if (Object.keys(set).length === 0) return withMembers(tx, ctx.tenantId, before);
    const [after] = await tx
      .update(teams)
      .set({ ...set, version: sql`${teams.version} + 1` })
      .where(and(eq(teams.tenantId, ctx.tenantId), eq(teams.id, id), eq(teams.version, input.version)))
      .returning()
      .catch(rethrowDuplicateName);
    if (!after) throw new Error('team update matched no row while locked');
    await writeAudit(tx, ctx, {
      action: 'team.updated',
      targetType: 'team',
      targetId: id,
      changes: diffChanges(before, after, AUDITED),
    });
    return withMembers(tx, ctx.tenantId, after);
  });

export const deleteTeam = (ctx: AuthedContext, id: string): Promise<void> =>
  inTenant(ctx, async (tx) => {
    const team = await withMembers(tx, ctx.tenantId, await findTeam(tx, ctx.tenantId, id, true));
    await tx.delete(teams).where(and(eq(teams.tenantId, ctx.tenantId), eq(teams.id, id)));
    await writeAudit(tx, ctx, {
      action: 'team.deleted',
      targetType: 'team',
      targetId: id,
      changes: {
        name: { from: team.name, to: null },
        ...(team.memberIds.length > 0 ? { memberIds: { from: team.memberIds, to: null } } : {}),
      },
    });
  });

/** Adds a member of the tenant to the team (404 for anyone else). Adding someone already in it changes nothing. */
export const addTeamMember = (ctx: AuthedContext, teamId: string, userId: string): Promise<Team> =>
  inTenant(ctx, async (tx) => {
    const team = await findTeam(tx, ctx.tenantId, teamId, true);
    const [member] = await tx
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.tenantId, ctx.tenantId), eq(memberships.userId, userId)));
    if (!member) throw notFound('Member');
    const added = await tx
      .insert(teamMembers)
      .values({ tenantId: ctx.tenantId, teamId, userId })
      .onConflictDoNothing()
      .returning({ userId: teamMembers.userId });
    if (added.length > 0) {
      await writeAudit(tx, ctx, {
        action: 'team.member_added',
        targetType: 'team',
        targetId: teamId,
        changes: { userId: { from: null, to: userId } },
      });
    }
    return withMembers(tx, ctx.tenantId, team);
  });

/** Removes a user from the team; removing someone who is not in it changes nothing (safe to retry). */
export const removeTeamMember = (ctx: AuthedContext, teamId: string, userId: string): Promise<Team> =>
  inTenant(ctx, async (tx) => {
    const team = await findTeam(tx, ctx.tenantId, teamId, true);
    const removed = await tx
      .delete(teamMembers)
      .where(
        and(
          eq(teamMembers.tenantId, ctx.tenantId),
          eq(teamMembers.teamId, teamId),
          eq(teamMembers.userId, userId),
        ),
      )
      .returning({ userId: teamMembers.userId });
    if (removed.length > 0) {
      await writeAudit(tx, ctx, {
        action: 'team.member_removed',
        targetType: 'team',
        targetId: teamId,
        changes: { userId: { from: userId, to: null } },
      });
    }
    return withMembers(tx, ctx.tenantId, team);
  });
