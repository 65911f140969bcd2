import type { Crew, WorkingHours } from '@tessera/contracts';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import { scopeFor } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { baseDto, type ListSpec, personFilter, type RecordDef } from '../../../platform/records/index.ts';
import type { MemberSet } from '../member-sets.ts';
import { crewMembers, crews } from './crews.tables.ts';

export type CrewRow = typeof crews.$inferSelect;

export const crewMemberSet: MemberSet = {
  table: crewMembers,
  tenantId: crewMembers.tenantId,
  parentId: crewMembers.crewId,
  userId: crewMembers.userId,
  row: (tenantId, crewId, userId) => ({ tenantId, crewId, userId }),
};

/** The crews a user is in (as lead or member), as a SQL set of crew ids. */
export const crewsOfUser = (tenantId: string, userId: string): SQL =>
  sql`(select c.id from crews c where c.tenant_id = ${tenantId} and c.lead_id = ${userId}
       union select m.crew_id from crew_members m where m.tenant_id = ${tenantId} and m.user_id = ${userId})`;

/**
 * Crews follow the caller's job scope: with `jobs` scope "all" every crew; otherwise (crew members,
 * contractors) only the crews they lead or belong to.
 */
const crewRestrict = (ctx: AuthedContext): SQL => {
  if (scopeFor(ctx.auth, 'jobs') === 'all') return sql`true`;
  if (!ctx.userId) return sql`false`;
  return sql`${crews.id} in ${crewsOfUser(ctx.tenantId, ctx.userId)}`;
};

export const crewDef: RecordDef = {
  name: 'crew',
  label: 'Crew',
  table: crews,
  scope: 'jobs',
  auditFields: ['name', 'leadId', 'skills', 'vehicle', 'workingHours', 'archivedAt'],
  restrict: crewRestrict,
};

export const toCrew = (r: CrewRow, memberIds: string[]): Crew => ({
  ...baseDto(r),
  name: r.name,
  leadId: r.leadId,
  memberIds,
  skills: r.skills,
  vehicle: r.vehicle,
  workingHours: r.workingHours as WorkingHours,
});

const nameKey = sql`lower(${crews.name})`;

export const crewListSpec = (
  ctx: AuthedContext,
  filters: { skill?: string | undefined; memberId?: string | undefined },
): ListSpec => {
  const member = filters.memberId === 'me' ? ctx.userId : filters.memberId;
  return {
    table: crews,
    id: crews.id,
    tenantId: crews.tenantId,
    archivedAt: crews.archivedAt,
    searchText: nameKey as unknown as AnyColumn,
    where: [
      crewRestrict(ctx),
      filters.skill ? sql`${filters.skill} = any(${crews.skills})` : undefined,
      filters.memberId === undefined
        ? undefined
        : member
          ? sql`${crews.id} in ${crewsOfUser(ctx.tenantId, member)}`
          : personFilter(crews.leadId, 'me', null),
    ],
    sorts: {
      name: { expr: nameKey, type: 'text' },
      createdAt: { expr: crews.createdAt, type: 'timestamp' },
    },
  };
};
