import { addDays, dateOf, isoWeekday, wallClock, zonedToUtc } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { newId } from '../../../platform/db/columns.ts';
import { type Database, withTenant } from '../../../platform/db/index.ts';
import { schedulingAgents } from '../agents/agents.tables.ts';
import { appointments } from '../appointments/appointments.tables.ts';
import { appointmentTypes } from '../types/appointment-types.tables.ts';

/** The people the demo seed made (the CRM's DemoPeople shape). */
export interface SchedulingDemoPeople {
  owner: string;
  manager: string;
  sales: readonly [string, string];
  dispatcher: string;
}

/** The demo company's agents work in this zone (the field demo's Springfield). */
export const DEMO_SCHEDULING_ZONE = 'America/Chicago';
const weekdays = (start: string, end: string) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end }));
const LUNCH = weekdays('12:00', '13:00');

/** The demo's appointments this week: day of the week (1 = Monday), agent (index), type (index), local time. */
const BOOKINGS: [day: number, agent: number, type: number, hour: number, minute: number][] = [
  [1, 0, 0, 10, 0],
  [1, 1, 1, 9, 0],
  [2, 0, 2, 14, 0],
  [2, 2, 0, 11, 0],
  [3, 1, 0, 15, 0],
  [3, 0, 1, 9, 30],
  [4, 2, 2, 10, 0],
  [4, 1, 0, 13, 30],
  [5, 0, 0, 11, 0],
  [5, 1, 2, 16, 0],
];

/**
 * Scheduling demo data: the two sales agents and the manager as agents (weekday hours with lunch, skills, a
 * territory), three appointment types and ten appointments this week with the sales agents' leads — those
 * already past are completed, the rest scheduled or confirmed. Reads lead ids, writes only scheduling tables.
 */
export const seedSchedulingDemo = async (
  database: Database,
  tenantId: string,
  people: SchedulingDemoPeople,
  now = new Date(),
) => {
  const zone = DEMO_SCHEDULING_ZONE;
  const today = wallClock(zone, now.getTime()).date;
  const monday = addDays(today, 1 - isoWeekday(today));
  await withTenant(database, tenantId, async (tx) => {
    const agentRows = [
      { userId: people.sales[0], skills: ['solar', 'heat pumps'], postalPrefixes: ['627'], priority: 10 },
      { userId: people.sales[1], skills: ['solar'], postalPrefixes: ['626', '625'], priority: 20 },
      { userId: people.manager, skills: ['heat pumps'], postalPrefixes: [], priority: 50 },
    ].map((a) => ({
      ...a,
      id: newId(),
      tenantId,
      createdBy: people.owner,
      timeZone: zone,
      weeklyHours: weekdays('08:00', '17:00'),
      breaks: LUNCH,
      regions: ['Springfield'],
    }));
    await tx.insert(schedulingAgents).values(agentRows);
    const typeRows = [
      { name: 'Consultation', slug: 'consultation', durationMinutes: 60, locationKind: 'office' as const },
      {
        name: 'Site survey',
        slug: 'site-survey',
        durationMinutes: 90,
        bufferBeforeMinutes: 30,
        bufferAfterMinutes: 30,
        locationKind: 'on_site' as const,
        requiredSkills: ['solar'],
        colour: '#16a34a',
      },
      { name: 'Phone call', slug: 'phone-call', durationMinutes: 30, locationKind: 'phone' as const },
    ].map((t, i) => ({
      colour: ['#2563eb', '#16a34a', '#d97706'][i],
      ...t,
      id: newId(),
      tenantId,
      createdBy: people.owner,
      minNoticeMinutes: 120,
      publicBooking: i === 0,
    }));
    await tx.insert(appointmentTypes).values(typeRows);
    const leads = (await tx.execute(
      sql`select id from leads where tenant_id = ${tenantId} and status in ('new', 'in_progress')
          order by created_at, id limit ${BOOKINGS.length}`,
    )) as unknown as { rows: { id: string }[] };
    const leadIds = leads.rows.map((r) => r.id);
    if (leadIds.length === 0) return;
    const rows = BOOKINGS.map(([day, agentIndex, typeIndex, hour, minute], i) => {
      const agent = agentRows[agentIndex] as (typeof agentRows)[number];
      const type = typeRows[typeIndex] as (typeof typeRows)[number];
      const startsAt = new Date(zonedToUtc(zone, addDays(monday, day - 1), hour * 60 + minute));
      const endsAt = new Date(startsAt.getTime() + type.durationMinutes * 60_000);
      const before = type.bufferBeforeMinutes ?? 0;
      const after = type.bufferAfterMinutes ?? 0;
      const past = endsAt < now;
      return {
        id: newId(),
        tenantId,
        createdBy: people.owner,
        typeId: type.id,
        agentId: agent.id,
        ownerId: agent.userId,
        leadId: leadIds[i % leadIds.length] as string,
        startsAt,
        endsAt,
        bufferBeforeMinutes: before,
        bufferAfterMinutes: after,
        blockedFrom: new Date(startsAt.getTime() - before * 60_000),
        blockedTo: new Date(endsAt.getTime() + after * 60_000),
        timeZone: zone,
        status: past ? ('completed' as const) : i % 3 === 0 ? ('confirmed' as const) : ('scheduled' as const),
        outcome: past ? ('follow_up' as const) : null,
        completedAt: past ? endsAt : null,
        locationKind: type.locationKind,
        location: type.locationKind === 'on_site' ? `${100 + i} Elm Road, Springfield` : null,
        notes: `Demo appointment booked on ${dateOf(now.getTime())}`,
      };
    });
    await tx.insert(appointments).values(rows);
  });
};
