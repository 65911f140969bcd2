import {
  type Crew,
  type CrewCreateInput,
  type CrewUpdateInput,
  type crewListQuery,
  DEFAULT_WORKING_HOURS,
} from '@tessera/contracts';
import { getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { isUniqueViolation, type Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { assertActiveMembers, membersOf, replaceMembers } from '../member-sets.ts';
import { type CrewRow, crewDef, crewListSpec, crewMemberSet, toCrew } from './crew-record.ts';
import { crews } from './crews.tables.ts';

const duplicateName = (err: unknown): never => {
  if (isUniqueViolation(err, 'crews_tenant_name_key'))
    throw new AppError('CONFLICT', 'There is already a crew with this name', {
      details: [{ path: 'body.name', message: 'Already used' }],
    });
  throw err;
};

const withMembers = async (t: Tx, ctx: AuthedContext, rows: CrewRow[]): Promise<Crew[]> => {
  const members = await membersOf(
    t,
    crewMemberSet,
    ctx.tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCrew(r, members.get(r.id) ?? []));
};

/** Crews with their members (the board and the crew view read them too). */
export const crewsWithMembers = withMembers;

export const listCrews = (ctx: AuthedContext, query: z.output<typeof crewListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
    const { rows, pagination } = await kit.runList<CrewRow>(
      t,
      crewListSpec(ctx, filters),
      ctx.tenantId,
      { limit, cursor, sort, includeTotal, archived, q },
      getTableColumns(crews),
    );
    return { items: await withMembers(t, ctx, rows), pagination };
  });

const one = async (t: Tx, ctx: AuthedContext, id: string) =>
  (await withMembers(t, ctx, [await kit.findRecord<CrewRow>(t, ctx, crewDef, id)]))[0] as Crew;

export const getCrew = (ctx: AuthedContext, id: string): Promise<Crew> =>
  kit.inTenant(ctx, (t) => one(t, ctx, id));

/** A crew the caller could no longer see after the change (an outside firm leaving itself out) is refused. */
const stillVisible = async (t: Tx, ctx: AuthedContext, id: string) => {
  try {
    return await one(t, ctx, id);
  } catch {
    throw new AppError('FORBIDDEN', 'You would no longer see this crew: lead it or stay a member');
  }
};

export const createCrew = (ctx: AuthedContext, input: CrewCreateInput): Promise<Crew> =>
  kit.inTenant(ctx, async (t) => {
    const { memberIds = [], ...fields } = input;
    await assertActiveMembers(t, ctx.tenantId, 'leadId', [fields.leadId]);
    await assertActiveMembers(t, ctx.tenantId, 'memberIds', memberIds);
    const row = await kit
      .insertRecord<CrewRow>(t, ctx, crewDef, {
        ...fields,
        skills: [...new Set(fields.skills ?? [])],
        workingHours: fields.workingHours ?? DEFAULT_WORKING_HOURS,
      })
      .catch(duplicateName);
    await replaceMembers(t, crewMemberSet, ctx.tenantId, row.id, memberIds);
    return stillVisible(t, ctx, row.id);
  });

export const updateCrew = (ctx: AuthedContext, id: string, input: CrewUpdateInput): Promise<Crew> =>
  kit.inTenant(ctx, async (t) => {
    const { version, memberIds, ...patch } = input;
    await assertActiveMembers(t, ctx.tenantId, 'leadId', [patch.leadId]);
    if (memberIds) await assertActiveMembers(t, ctx.tenantId, 'memberIds', memberIds);
    if (patch.skills) patch.skills = [...new Set(patch.skills)];
    const current = await withMembers(t, ctx, [await kit.findRecord<CrewRow>(t, ctx, crewDef, id, true)]);
    const toDto = (r: CrewRow) => toCrew(r, current[0]?.memberIds ?? []);
    await kit.updateRecord<CrewRow>(t, ctx, crewDef, { id, version, patch, toDto }).catch(duplicateName);
    if (memberIds) await replaceMembers(t, crewMemberSet, ctx.tenantId, id, memberIds);
    return stillVisible(t, ctx, id);
  });

export const archiveCrew = (ctx: AuthedContext, id: string, change: kit.ArchiveChange): Promise<Crew> =>
  kit.inTenant(ctx, async (t) => {
    await kit.setArchived<CrewRow>(t, ctx, crewDef, {
      id,
      archived: change.archived,
      version: change.version,
      toDto: (r) => toCrew(r, []),
    });
    return one(t, ctx, id);
  });

/** Deletes a crew; one that jobs still name is a 409 (archive it instead). */
export const deleteCrew = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, crewDef, id));
