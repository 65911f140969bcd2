import type { Territory, TerritoryGeometry, Visit } from '@tessera/contracts';
import { type AnyColumn, type SQL, sql } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { baseDto, iso, type ListSpec, type RecordDef } from '../../../platform/records/index.ts';
import type { MemberSet } from '../member-sets.ts';
import { territories, territoryAgents, visits } from './canvassing.tables.ts';

export type TerritoryRow = typeof territories.$inferSelect;
export type VisitRow = typeof visits.$inferSelect;

export const agentSet: MemberSet = {
  table: territoryAgents,
  tenantId: territoryAgents.tenantId,
  parentId: territoryAgents.territoryId,
  userId: territoryAgents.userId,
  row: (tenantId, territoryId, userId) => ({ tenantId, territoryId, userId }),
};

/** Managers (territories.manage) see every territory and visit; agents their assigned territories and own visits. */
const manages = (ctx: AuthedContext) => ctx.auth.permissions.has('territories.manage');

const territoryRestrict = (ctx: AuthedContext): SQL => {
  if (manages(ctx)) return sql`true`;
  if (!ctx.userId) return sql`false`;
  return sql`${territories.id} in (select a.territory_id from territory_agents a
    where a.tenant_id = ${ctx.tenantId} and a.user_id = ${ctx.userId})`;
};
export const visitRestrict = (ctx: AuthedContext): SQL =>
  manages(ctx) ? sql`true` : ctx.userId ? sql`${visits.agentId} = ${ctx.userId}` : sql`false`;

export const territoryDef: RecordDef = {
  name: 'territory',
  label: 'Territory',
  table: territories,
  scope: 'leads',
  auditFields: ['name', 'description', 'geometry', 'postalCodes', 'streets', 'archivedAt'],
  restrict: territoryRestrict,
};
export const visitDef: RecordDef = {
  name: 'visit',
  label: 'Visit',
  table: visits,
  scope: 'leads',
  auditFields: [
    'territoryId',
    'agentId',
    'address',
    'lat',
    'lng',
    'visitedAt',
    'outcome',
    'notes',
    'leadId',
    'appointmentId',
  ],
  restrict: visitRestrict,
};

export const toTerritory = (r: TerritoryRow, agentIds: string[]): Territory => ({
  ...baseDto(r),
  name: r.name,
  description: r.description,
  geometry: (r.geometry as TerritoryGeometry | null) ?? null,
  postalCodes: r.postalCodes,
  streets: r.streets,
  agentIds,
});

export const toVisit = (r: VisitRow): Visit => ({
  ...baseDto(r),
  territoryId: r.territoryId,
  agentId: r.agentId,
  address: r.address,
  lat: r.lat,
  lng: r.lng,
  visitedAt: iso(r.visitedAt) as string,
  outcome: r.outcome,
  notes: r.notes,
  contactName: r.contactName,
  contactPhone: r.contactPhone,
  contactEmail: r.contactEmail,
  leadId: r.leadId,
  appointmentId: r.appointmentId,
});

const nameKey = sql`lower(${territories.name})`;
export const territoryListSpec = (ctx: AuthedContext, agentId: string | undefined): ListSpec => {
  const agent = agentId === 'me' ? ctx.userId : agentId;
  return {
    table: territories,
    id: territories.id,
    tenantId: territories.tenantId,
    archivedAt: territories.archivedAt,
    searchText: nameKey as unknown as AnyColumn,
    where: [
      territoryRestrict(ctx),
      agentId === undefined
        ? undefined
        : sql`${territories.id} in (select a.territory_id from territory_agents a
            where a.tenant_id = ${ctx.tenantId} and a.user_id = ${agent ?? null})`,
    ],
    sorts: {
      name: { expr: nameKey, type: 'text' },
      createdAt: { expr: territories.createdAt, type: 'timestamp' },
    },
  };
};

export const visitListSpec = (
  ctx: AuthedContext,
  f: {
    territoryId?: string | undefined;
    agentId?: string | undefined;
    outcome?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
  },
): ListSpec => ({
  table: visits,
  id: visits.id,
  tenantId: visits.tenantId,
  archivedAt: visits.archivedAt,
  where: [
    visitRestrict(ctx),
    f.territoryId ? sql`${visits.territoryId} = ${f.territoryId}` : undefined,
    f.agentId ? sql`${visits.agentId} = ${f.agentId === 'me' ? ctx.userId : f.agentId}` : undefined,
    f.outcome ? sql`${visits.outcome} = ${f.outcome}` : undefined,
    f.from ? sql`${visits.visitedAt} >= ${f.from}::timestamptz` : undefined,
    f.to ? sql`${visits.visitedAt} < ${f.to}::timestamptz` : undefined,
  ],
  sorts: { visitedAt: { expr: visits.visitedAt, type: 'timestamp' } },
});
