import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { identityDeps } from '../src/app.ts';
import { openConfiguredDatabase } from '../src/boot.ts';
import { environmentVariables, loadConfig } from '../src/config/index.ts';
import type { IdentityDeps } from '../src/modules/identity/index.ts';
import { createAppointment } from '../src/modules/scheduling/appointments/appointments.service.ts';
import { computeSlots } from '../src/modules/scheduling/index.ts';
import { listSlots } from '../src/modules/scheduling/slots/slots.service.ts';
import { jobContext } from '../src/platform/context/service-context.ts';
import { migrate, withTenant } from '../src/platform/db/index.ts';
import { createGeneratedTenant } from '../src/seed/generate.ts';
import { type BookingRate, bookingRate, publicBookingRate } from './scheduling-booking.ts';

// DATABASE_URL=postgres://… node bench/scheduling.ts [--agents 50] [--days 14] [--runs 50] [--seconds 3] [--writers 8]
// 1. Slot computation alone (the pure function): `agents` agents in five zones (two with DST, two with
//    half-hour offsets), two working ranges a day, three bookings a day each, over `days` days.
// 2. GET /scheduling/slots' service on PostgreSQL (load type, agents and busy ranges + compute), same shape.
// 3. Staff booking throughput: `writers` (8) concurrent loops book random half-hour starts through `createAppointment` for `seconds` s;
//    overlaps are refused by the exclusion constraint (counted as refused).
// 4. Public booking throughput: the same number of writers book random offered times through the booking page's service
//    (`bookPublic`: new lead, appointment, booking row, confirmation e-mail). Method and figures:
//    docs/performance.md.

const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'UTC'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const weeklyHours = [1, 2, 3, 4, 5].flatMap((weekday) => [
  { weekday, start: '08:00', end: '12:00' },
  { weekday, start: '13:00', end: '18:00' },
]);
const rules = {
  durationMinutes: 60,
  bufferBeforeMinutes: 15,
  bufferAfterMinutes: 15,
  slotStepMinutes: 30,
  minNoticeMinutes: 0,
  maxDaysAhead: 60,
};

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (n: number) => Math.round(n * 100) / 100;
const timed = async (runs: number, fn: () => unknown) => {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50Ms: round(percentile(times, 50)), p99Ms: round(percentile(times, 99)) };
};

export interface SchedulingBench {
  agents: number;
  days: number;
  slots: number;
  pure: { p50Ms: number; p99Ms: number };
  service?: { p50Ms: number; p99Ms: number };
  booking?: BookingRate;
  publicBooking?: BookingRate;
}

/** The pure computation: no database. */
const pureCase = (agents: number, days: number, from: number) => {
  const availability = Array.from({ length: agents }, (_, i) => ({
    agentId: `agent-${String(i).padStart(3, '0')}`,
    timeZone: ZONES[i % ZONES.length] as string,
    weeklyHours,
    breaks: [],
    datesOff: [],
    extraDates: [],
  }));
  const busy = availability.flatMap((a, i) =>
    Array.from({ length: days * 3 }, (_, k) => {
      const start = from + Math.floor(k / 3) * DAY + ((k % 3) * 5 + (i % 4)) * HOUR;
      return { agentId: a.agentId, from: start, to: start + 1.5 * HOUR };
    }),
  );
  const window = { from, to: from + days * DAY, now: from };
  const slots = computeSlots(availability, busy, rules, window).length;
  return { slots, run: () => computeSlots(availability, busy, rules, window) };
};

/** The slots service and booking throughput on a fresh tenant (removed afterwards). */
const databaseCases = async (
  identity: IdentityDeps,
  agents: number,
  days: number,
  runs: number,
  seconds: number,
  writers: number,
) => {
  const database = identity.database;
  const generated = await createGeneratedTenant(identity, { name: 'Scheduling bench', agents });
  const tenant = { id: generated.tenantId };
  try {
    const userIds = generated.memberIds.slice(0, agents);
    const owner = generated.ownerId;
    const ctx = jobContext({
      database,
      log: pino({ level: 'silent' }),
      tenantId: tenant.id,
      userId: owner,
      permissions: ['appointments.view', 'appointments.manage', 'leads.view'],
    });
    const { agentIds, typeId, leadId } = await withTenant(database, tenant.id, async (tx) => {
      const ids: string[] = [];
      for (const [i, userId] of userIds.entries()) {
        const r =
          (await tx.execute(sql`insert into scheduling_agents (id, tenant_id, user_id, time_zone, weekly_hours)
          values (gen_random_uuid(), ${tenant.id}, ${userId}, ${ZONES[i % ZONES.length]}, ${JSON.stringify(weeklyHours)}::jsonb)
          returning id`)) as unknown as { rows: { id: string }[] };
        ids.push(r.rows[0]?.id as string);
      }
      const type =
        (await tx.execute(sql`insert into appointment_types (id, tenant_id, name, slug, duration_minutes,
          buffer_before_minutes, buffer_after_minutes, slot_step_minutes, max_days_ahead)
          values (gen_random_uuid(), ${tenant.id}, 'Bench', 'bench', 60, 15, 15, 30, 60) returning id`)) as unknown as {
          rows: { id: string }[];
        };
      const lead = (await tx.execute(sql`insert into leads (id, tenant_id, first_name, last_name)
          values (gen_random_uuid(), ${tenant.id}, 'Bench', 'Lead') returning id`)) as unknown as {
        rows: { id: string }[];
      };
      return { agentIds: ids, typeId: type.rows[0]?.id as string, leadId: lead.rows[0]?.id as string };
    });
    // Staff booking throughput: random half-hour starts in the next `days` days, 8 writers.
    const start = Date.now() + DAY;
    const base = start - (start % (30 * 60_000));
    const booking = await bookingRate(writers, seconds, () => {
      const agentId = agentIds[Math.floor(Math.random() * agentIds.length)] as string;
      const startsAt = new Date(base + Math.floor(Math.random() * days * 48) * 30 * 60_000).toISOString();
      return createAppointment(ctx, { typeId, agentId, leadId, startsAt });
    });
    const query = {
      type: typeId,
      from: new Date(start).toISOString(),
      to: new Date(start + days * DAY).toISOString(),
      limit: 2_000,
    };
    const service = await timed(runs, () => listSlots(ctx, query));
    // Public bookings take the times the page offers (one per start, whichever agent is free).
    const starts = [...new Set((await listSlots(ctx, query)).map((s) => s.startsAt))];
    const publicBooking = await publicBookingRate(database, pino({ level: 'silent' }), {
      tenantId: tenant.id,
      typeId,
      starts,
      writers,
      seconds,
    });
    return { service, booking, publicBooking };
  } finally {
    await database.db.execute(sql`delete from tenants where id = ${tenant.id}`);
  }
};

export const schedulingBench = async (
  identity: IdentityDeps | undefined,
  options: { agents: number; days: number; runs: number; seconds: number; writers?: number },
): Promise<SchedulingBench> => {
  const from = Date.parse('2026-03-23T00:00:00Z'); // two weeks spanning the European and US DST changes
  const pure = pureCase(options.agents, options.days, from);
  return {
    agents: options.agents,
    days: options.days,
    slots: pure.slots,
    pure: await timed(options.runs, pure.run),
    ...(identity
      ? await databaseCases(
          identity,
          options.agents,
          options.days,
          options.runs,
          options.seconds,
          options.writers ?? 8,
        )
      : {}),
  };
};

const rateLine = (what: string, r: BookingRate) =>
  `${what}: ${r.writers} writers, ${r.seconds} s: ${r.booked} booked (${r.bookedPerSecond}/s), ${r.refused} refused (409), ${r.attemptsPerSecond} attempts/s`;

export const schedulingLines = (r: SchedulingBench) => [
  `slots: ${r.agents} agents × ${r.days} days (${r.slots} free slots), pure computation: p50 ${r.pure.p50Ms} ms, p99 ${r.pure.p99Ms} ms`,
  ...(r.service
    ? [
        `slots: the same through the service on PostgreSQL: p50 ${r.service.p50Ms} ms, p99 ${r.service.p99Ms} ms`,
      ]
    : []),
  ...(r.booking ? [rateLine('staff booking (createAppointment)', r.booking)] : []),
  ...(r.publicBooking ? [rateLine('public booking (bookPublic)', r.publicBooking)] : []),
];

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: {
      agents: { type: 'string', default: '50' },
      days: { type: 'string', default: '14' },
      runs: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '3' },
      writers: { type: 'string', default: '8' },
    },
  });
  const env = environmentVariables();
  const log = pino({ level: 'silent' });
  const jwtSecret = env.JWT_SECRET ?? randomBytes(32).toString('base64url');
  const config = loadConfig({
    ...env,
    LOG_LEVEL: 'silent',
    JWT_SECRET: jwtSecret,
    WEB_DIST_DIR: '/nonexistent',
  });
  const database = env.DATABASE_URL ? await openConfiguredDatabase(config, log) : undefined;
  try {
    if (database) await migrate(database, log);
    const result = await schedulingBench(database && identityDeps({ config, jwtSecret, database }), {
      agents: Number(values.agents),
      days: Number(values.days),
      runs: Number(values.runs),
      seconds: Number(values.seconds),
      writers: Number(values.writers),
    });
    console.log(schedulingLines(result).join('\n'));
  } finally {
    await database?.close();
  }
}
