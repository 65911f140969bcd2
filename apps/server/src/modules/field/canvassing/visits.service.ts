import {
  type AgentDayStats,
  type agentStatsQuery,
  LEAD_OUTCOMES,
  type Visit,
  type VisitCreateInput,
  type visitListQuery,
} from '@tessera/contracts';
import { and, desc, eq, getTableColumns, isNotNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { referencesNotFound } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { emit } from '../../../platform/events/index.ts';
import * as kit from '../../../platform/records/index.ts';
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

/** Per agent for one UTC day: doors knocked, contacts (someone answered), appointments, sales, leads made. */
export const agentStats = (
  ctx: AuthedContext,
  q: z.output<typeof agentStatsQuery>,
): Promise<AgentDayStats[]> =>
  kit.inTenant(ctx, async (t) => {
    const rows = await t
      .select({
        agentId: visits.agentId,
        doors: sql<number>`count(*)::int`,
        contacts: sql<number>`(count(*) filter (where ${visits.outcome} <> 'not_home'))::int`,
        appointments: sql<number>`(count(*) filter (where ${visits.outcome} = 'appointment_set'))::int`,
        sales: sql<number>`(count(*) filter (where ${visits.outcome} = 'sale'))::int`,
        leads: sql<number>`(count(distinct ${visits.leadId}))::int`,
      })
      .from(visits)
      .where(
        and(
          eq(visits.tenantId, ctx.tenantId),
          isNotNull(visits.agentId),
          visitRestrict(ctx),
          sql`${visits.visitedAt} >= ${q.date}::date and ${visits.visitedAt} < ${q.date}::date + 1`,
          q.territoryId ? eq(visits.territoryId, q.territoryId) : undefined,
        ),
      )
      .groupBy(visits.agentId)
      .orderBy(visits.agentId);
    return rows as AgentDayStats[];
  });
