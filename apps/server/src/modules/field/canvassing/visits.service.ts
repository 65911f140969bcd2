import {
  type CanvassCounts,
  type CanvassStats,
  type canvassStatsQuery,
  LEAD_OUTCOMES,
  type Visit,
  type VisitCreateInput,
  type visitListQuery,
} from '@tessera/contracts';
import { and, desc, eq, getTableColumns, isNotNull, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { referencesNotFound } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { emit } from '../../../platform/events/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { getTenantSettings } from '../../admin/index.ts';
import { upsertCanvassLead } from '../../crm/index.ts';
import { bookLeadAppointmentIn } from '../../scheduling/index.ts';
import { visits } from './canvassing.tables.ts';
import {
  territoryDef,
  toVisit,
  type VisitRow,
  visitDef,
  visitListSpec,
  visitRestrict,
} from './territory-record.ts';

export const listVisits = (ctx: AuthedContext, query: z.output<typeof visitListQuery>) =>
  kit.inTenant(ctx, async (t) => {
    const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
    const { rows, pagination } = await kit.runList<VisitRow>(
      t,
      visitListSpec(ctx, filters),
      ctx.tenantId,
      { limit, cursor, sort, includeTotal, archived, q },
      getTableColumns(visits),
    );
    return { items: rows.map(toVisit), pagination };
  });

const addressKey = (address: string) => address.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Records a visit by the calling agent. `interested`, `appointment_set` and `sale` create the door's lead
 * (source d2d) through the CRM's public API — or update the lead an earlier visit at the same address made —
 * in the same transaction. With `appointment` (outcome appointment_set) it books that appointment for the
 * lead through the scheduling module's public API; a slot already taken is a 409 and nothing is saved.
 */
export const recordVisit = (ctx: AuthedContext, input: VisitCreateInput): Promise<Visit> =>
  kit.inTenant(ctx, async (t) => {
    if (input.territoryId)
      await kit.findRecord(t, ctx, territoryDef, input.territoryId).catch(() => {
        throw referencesNotFound(['territoryId']);
      });
    let leadId: string | null = null;
    if (LEAD_OUTCOMES.includes(input.outcome)) {
      const [earlier] = await t
        .select({ leadId: visits.leadId })
        .from(visits)
        .where(
          and(
            eq(visits.tenantId, ctx.tenantId),
            sql`${visits.addressKey} = ${addressKey(input.address)}`,
            isNotNull(visits.leadId),
          ),
        )
        .orderBy(desc(visits.visitedAt))
        .limit(1);
      leadId = await upsertCanvassLead(t, ctx, {
        leadId: earlier?.leadId ?? null,
        name: input.contactName ?? null,
        phone: input.contactPhone ?? null,
        email: input.contactEmail ?? null,
        address: input.address,
      });
    }
    const { appointment, ...fields } = input;
    const booked =
      appointment && leadId
        ? await bookLeadAppointmentIn(t, ctx, {
            ...appointment,
            leadId,
            location: input.address,
            notes: appointment.notes ?? input.notes ?? null,
          })
        : undefined;
    const row = await kit.insertRecord<VisitRow>(t, ctx, visitDef, {
      ...fields,
      visitedAt: input.visitedAt ? new Date(input.visitedAt) : new Date(),
      agentId: ctx.userId,
      leadId,
      appointmentId: booked?.id ?? null,
    });
    await emit(t, ctx, 'visit.recorded', {
      visitId: row.id,
      territoryId: row.territoryId,
      agentId: row.agentId,
      outcome: row.outcome,
      leadId,
      appointmentId: row.appointmentId,
    });
    return toVisit(row);
  });

interface StatsRow {
  agent_id: string | null;
  date: string | null;
  level: number;
  doors: number;
  contacts: number;
  appointments: number;
  sales: number;
  leads: number;
}
const countsOf = (r: StatsRow): CanvassCounts => ({
  doors: Number(r.doors),
  contacts: Number(r.contacts),
  appointments: Number(r.appointments),
  sales: Number(r.sales),
  leads: Number(r.leads),
});
const NONE: CanvassCounts = { doors: 0, contacts: 0, appointments: 0, sales: 0, leads: 0 };

/**
 * Canvassing stats for `from` … `to` (days in the tenant's time zone, both included): per agent per day,
 * per agent over the period, and the totals — one query with grouping sets, so leads stay distinct at every
 * level. Within the caller's visit scope (managers: everyone; agents: their own visits).
 */
export const canvassStats = (
  ctx: AuthedContext,
  q: z.output<typeof canvassStatsQuery>,
): Promise<CanvassStats> =>
  kit.inTenant(ctx, async (t) => {
    const timezone = (await getTenantSettings(t, ctx.tenantId))?.timezone ?? 'UTC';
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: timezone }).format(new Date());
    const from = q.from ?? today;
    const to = q.to ?? today;
    const agent = q.agentId === 'me' ? ctx.userId : q.agentId;
    const result = (await t.execute(sql`
      with v as (
        select ${visits.agentId} as agent_id,
               to_char(${visits.visitedAt} at time zone ${timezone}, 'YYYY-MM-DD') as date,
               ${visits.outcome} as outcome, ${visits.leadId} as lead_id
          from ${visits}
         where ${and(
           eq(visits.tenantId, ctx.tenantId),
           isNotNull(visits.agentId),
           isNull(visits.archivedAt),
           visitRestrict(ctx),
           sql`${visits.visitedAt} >= ((${from}::date)::timestamp at time zone ${timezone})`,
           sql`${visits.visitedAt} < (((${to}::date) + 1)::timestamp at time zone ${timezone})`,
           agent === undefined ? undefined : agent ? eq(visits.agentId, agent) : sql`false`,
           q.territoryId ? eq(visits.territoryId, q.territoryId) : undefined,
         )}
      )
      select agent_id, date, grouping(agent_id, date)::int as level,
             count(*)::int as doors,
             (count(*) filter (where outcome <> 'not_home'))::int as contacts,
             (count(*) filter (where outcome = 'appointment_set'))::int as appointments,
             (count(*) filter (where outcome = 'sale'))::int as sales,
             count(distinct lead_id)::int as leads
        from v
       group by grouping sets ((agent_id, date), (agent_id), ())
       order by level, agent_id, date`)) as unknown as { rows: StatsRow[] };
    const rows = result.rows;
    const total = rows.find((r) => Number(r.level) === 3);
    return {
      from,
      to,
      timezone,
      days: rows
        .filter((r) => Number(r.level) === 0)
        .map((r) => ({ agentId: r.agent_id as string, date: r.date as string, ...countsOf(r) })),
      agents: rows
        .filter((r) => Number(r.level) === 1)
        .map((r) => ({ agentId: r.agent_id as string, ...countsOf(r) })),
      totals: total ? countsOf(total) : NONE,
    };
  });
