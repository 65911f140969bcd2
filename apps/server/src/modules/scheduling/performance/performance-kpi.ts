import { and, eq, isNull, sql } from 'drizzle-orm';
import * as kit from '../../../platform/records/index.ts';
import { deals, leads } from '../../crm/index.ts';
import { users } from '../../identity/index.ts';
import { type KpiDef, num, percent, registerKpi, rowsOf } from '../../reporting/index.ts';
import { appointmentDef } from '../appointments/appointment-record.ts';
import { appointments } from '../appointments/appointments.tables.ts';

type Row = {
  uid: string | null;
  member: string | null;
  booked: number;
  assigned: number;
  held: number;
  no_show: number;
  cancelled: number;
  closed: number;
};

/**
 * Appointments per member and period: `booked` = appointments the member set (created, by creation date; the
 * public booking page is its own row), and of the appointments they take as agent (by start date): assigned,
 * held (completed), no-show, cancelled, closed (not cancelled, and its lead or deal is won by now), and the
 * show rate held ÷ (held + no-show). Record scope on the appointment's owner applies to both sides.
 */
export const appointmentPerformance: KpiDef = {
  name: 'appointment-performance',
  title: 'Appointments by agent',
  description:
    'Per member: appointments booked (by creation date), and as agent (by start date) assigned, held, no-show, cancelled and closed (lead or deal won).',
  permission: 'appointments.view',
  feature: 'scheduling',
  filters: ['ownerId', 'teamId'],
  columns: [
    { key: 'member', label: 'Member', kind: 'text' },
    { key: 'booked', label: 'Booked', kind: 'number' },
    { key: 'assigned', label: 'Assigned', kind: 'number' },
    { key: 'held', label: 'Held', kind: 'number' },
    { key: 'noShow', label: 'No-show', kind: 'number' },
    { key: 'cancelled', label: 'Cancelled', kind: 'number' },
    { key: 'closed', label: 'Closed', kind: 'number' },
    { key: 'showRate', label: 'Show rate', kind: 'percent' },
  ],
  drillDown: () => '/calendar',
  async compute(run) {
    const live = and(
      eq(appointments.tenantId, run.ctx.tenantId),
      isNull(appointments.archivedAt),
      kit.scopeWhere(run.ctx, appointmentDef),
    );
    const rows = await rowsOf<Row>(
      run.tx,
      sql`with agent_side as (
            select ${appointments.ownerId} as uid, count(*)::int as assigned,
              count(*) filter (where ${appointments.status} = 'completed')::int as held,
              count(*) filter (where ${appointments.status} = 'no_show')::int as no_show,
              count(*) filter (where ${appointments.status} = 'cancelled')::int as cancelled,
              count(*) filter (where ${appointments.status} <> 'cancelled'
                and (${leads.status} = 'won' or ${deals.status} = 'won'))::int as closed
            from ${appointments}
            left join ${leads} on ${leads.tenantId} = ${appointments.tenantId} and ${leads.id} = ${appointments.leadId}
            left join ${deals} on ${deals.tenantId} = ${appointments.tenantId} and ${deals.id} = ${appointments.dealId}
            where ${live} and ${run.inPeriod(appointments.startsAt)}
              and ${run.ownerFilter(appointments.ownerId) ?? sql`true`}
            group by ${appointments.ownerId}
          ), set_side as (
            select ${appointments.createdBy} as uid, count(*)::int as booked
            from ${appointments}
            where ${live} and ${run.inPeriod(appointments.createdAt)}
              and ${run.ownerFilter(appointments.createdBy) ?? sql`true`}
            group by ${appointments.createdBy}
          ), together as (
            select uid, sum(booked)::int as booked, sum(assigned)::int as assigned, sum(held)::int as held,
              sum(no_show)::int as no_show, sum(cancelled)::int as cancelled, sum(closed)::int as closed
            from (
              select uid, 0 as booked, assigned, held, no_show, cancelled, closed from agent_side
              union all
              select uid, booked, 0, 0, 0, 0, 0 from set_side
            ) both_sides
            group by uid
          )
          select together.*, ${users.name} as member
          from together left join ${users} on ${users.id} = together.uid
          order by together.uid is null, ${users.name}, together.uid`,
    );
    const out = rows.map((r) => ({
      member: r.uid ? (r.member ?? 'Former member') : 'Booking page',
      memberId: r.uid,
      booked: num(r.booked),
      assigned: num(r.assigned),
      held: num(r.held),
      noShow: num(r.no_show),
      cancelled: num(r.cancelled),
      closed: num(r.closed),
      showRate: percent(num(r.held), num(r.held) + num(r.no_show)),
    }));
    const sum = (k: 'booked' | 'assigned' | 'held' | 'noShow' | 'cancelled' | 'closed') =>
      out.reduce((a, r) => a + r[k], 0);
    return {
      rows: out,
      totals: {
        member: null,
        memberId: null,
        booked: sum('booked'),
        assigned: sum('assigned'),
        held: sum('held'),
        noShow: sum('noShow'),
        cancelled: sum('cancelled'),
        closed: sum('closed'),
        showRate: percent(sum('held'), sum('held') + sum('noShow')),
      },
    };
  },
};

export const registerSchedulingKpis = () => registerKpi(appointmentPerformance);
