import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';
import { testDbKind } from '../helpers/test-database.ts';
import { makeAgent, makeType, outboxEvents, SCHEDULING_TABLES } from './scheduling-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let sales: BrowserSession;
let sales2: BrowserSession;
let agentA: { id: string };
let agentB: { id: string };
let type: { id: string };
let lead: { id: string };
const t = setupApiTest();
const c = crmApi(t);
/** A Monday about five weeks ahead, and the days after it (inside every type's booking horizon). */
const dayAfter = (days: number) => {
  const d = new Date(Date.now() + 35 * 86_400_000);
  d.setUTCDate(d.getUTCDate() + ((8 - (d.getUTCDay() || 7)) % 7) + days);
  return d.toISOString().slice(0, 10);
};
const DAY = dayAfter(0);
const at = (hhmm: string, day = DAY) => `${day}T${hhmm}:00.000Z`;
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  sales = await addMember(t.app, t.database, owner, 'sales');
  sales2 = await addMember(t.app, t.database, owner, 'sales');
  agentA = await makeAgent(c, owner, sales, { skills: ['solar'] });
  agentB = await makeAgent(c, owner, sales2);
  type = await makeType(c, owner, { maxDaysAhead: 365 });
  lead = await c.create(owner, '/leads', { firstName: 'Ada', lastName: 'Booker', email: 'ada@example.com' });
});

const book = (as: BrowserSession, startsAt: string, extra: object = {}) =>
  c.api(as, 'POST', '/scheduling/appointments', {
    typeId: type.id,
    agentId: agentA.id,
    leadId: lead.id,
    startsAt,
    ...extra,
  });

describe('appointments', () => {
  it('books: end from the duration, blocked range with buffers, owner = the agent; audited; appointment.booked', async () => {
    const res = await book(owner, at('10:00'), { location: 'Main St 1' });
    expect(res.statusCode).toBe(201);
    const a = res.json().data;
    expect(a).toMatchObject({
      startsAt: at('10:00'),
      endsAt: at('11:00'),
      blockedFrom: at('09:45'),
      blockedTo: at('11:15'),
      ownerId: sales.userId,
      agentId: agentA.id,
      status: 'scheduled',
      timeZone: 'UTC',
      source: 'internal',
      createdBy: owner.userId,
    });
    expect(await auditActions(t, owner.tenantId, a.id)).toEqual(['appointment.created']);
    expect((await outboxEvents(t, owner.tenantId)).at(-1)).toEqual({
      type: 'appointment.booked',
      payload: {
        appointmentId: a.id,
        agentId: agentA.id,
        ownerId: sales.userId,
        startsAt: at('10:00'),
        endsAt: at('11:00'),
        source: 'internal',
      },
    });
  });

  it('no double booking: overlap (buffers included) is a 409 CONFLICT with the next free slots; touching is fine', async () => {
    const before = await c.snapshot(owner.tenantId, SCHEDULING_TABLES);
    for (const start of ['10:00', '10:30', '11:00', '08:45']) {
      const res = await book(owner, at(start));
      expect(res.statusCode, start).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
      const next = res.json().error.details.nextSlots as {
        startsAt: string;
        agentId: string;
        timeZone: string;
      }[];
      expect(next.length).toBeGreaterThan(0);
      expect(next.every((s) => s.agentId === agentA.id && s.timeZone === 'UTC')).toBe(true);
      expect(next.map((s) => s.startsAt)).not.toContain(at('10:00'));
    }
    expect((await book(owner, at('10:00'))).json().error.details.nextSlots[0].startsAt).toBe(at('11:30'));
    expect(await c.snapshot(owner.tenantId, SCHEDULING_TABLES)).toEqual(before);
    // 08:15–09:15 blocks until 09:30, before 09:45: free. Another agent at 10:00: free.
    expect((await book(owner, at('08:15'))).statusCode).toBe(201);
    expect((await book(owner, at('10:00'), { agentId: agentB.id })).statusCode).toBe(201);
  });

  it('20 concurrent bookings of one slot: exactly one wins, the others get 409 CONFLICT', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => book(owner, at('14:00'))));
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((s) => s === 201)).toHaveLength(1);
    expect(codes.filter((s) => s === 409)).toHaveLength(19);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().error.code).toBe('CONFLICT');
    const stored = (
      await c.api(
        owner,
        'GET',
        `/scheduling/appointments?agentId=${agentA.id}&from=${at('13:00')}&to=${at('16:00')}`,
      )
    ).json().data;
    expect(stored).toHaveLength(1);
  });

  it.skipIf(testDbKind() !== 'postgres')(
    'a deadlock inside the overlap check (PostgreSQL) is the same 409 CONFLICT with the next free slots',
    async () => {
      const day = dayAfter(3);
      const first = await book(owner, at('08:00', day), { agentId: agentB.id });
      expect(first.statusCode).toBe(201);
      const other = new pg.Client({ connectionString: t.url });
      const watch = new pg.Client({ connectionString: t.url });
      await other.connect();
      await watch.connect();
      // A copy of that appointment at another time, without buffers, written by the other transaction.
      const copy = (from: string, to: string) =>
        other.query(
          `insert into appointments select (jsonb_populate_record(null::appointments, to_jsonb(a)
             || jsonb_build_object('id', gen_random_uuid(), 'starts_at', $1::text, 'ends_at', $2::text,
                'blocked_from', $1::text, 'blocked_to', $2::text,
                'buffer_before_minutes', 0, 'buffer_after_minutes', 0)::jsonb)).* from appointments a where id = $3`,
          [from, to, first.json().data.id],
        );
      try {
        // The app's transaction detects the deadlock (default deadlock_timeout 1 s), not this one.
        await other.query(`set deadlock_timeout = '60s'`);
        await other.query('begin');
        await copy(at('14:00', day), at('15:00', day));
        // 14:30–15:30 blocks 14:15–15:45: it waits for the 14:00–15:00 copy's transaction…
        const booking = book(owner, at('14:30', day), { agentId: agentB.id });
        for (let i = 0; i < 100; i++) {
          const { rows } = await watch.query(
            `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
          );
          if (rows.length) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        // …and 15:30–16:30 overlaps the booking's own row: each transaction waits for the other.
        const second = copy(at('15:30', day), at('16:30', day));
        const res = await booking;
        await second;
        expect(res.statusCode, res.body).toBe(409);
        expect(res.json().error.code).toBe('CONFLICT');
        expect(Array.isArray(res.json().error.details.nextSlots)).toBe(true);
        await other.query('rollback');
      } finally {
        await other.end();
        await watch.end();
      }
      const stored = (
        await c.api(
          owner,
          'GET',
          `/scheduling/appointments?agentId=${agentB.id}&from=${at('00:00', day)}&to=${at('23:00', day)}`,
        )
      ).json().data;
      expect(stored.map((a: { startsAt: string }) => a.startsAt)).toEqual([at('08:00', day)]);
    },
  );

  it('free slots: availability minus bookings and buffers, UTC with the zone; a zone other than UTC', async () => {
    const q = `/scheduling/slots?type=${type.id}&from=${at('00:00')}&to=${at('00:00', dayAfter(1))}&agentId=${agentA.id}`;
    const res = await c.api(sales, 'GET', q);
    expect(res.statusCode).toBe(200);
    const starts = res.json().data.map((s: { startsAt: string }) => s.startsAt.slice(11, 16));
    // Booked: 08:15–09:15 (+15), 10:00–11:00 (±15), 14:00–15:00 (±15); hours 08:00–18:00, 30 min steps.
    expect(starts).toEqual(['11:30', '12:00', '12:30', '15:30', '16:00', '16:30', '17:00']);
    expect(res.json().data[0]).toMatchObject({ agentId: agentA.id, timeZone: 'UTC', endsAt: at('12:30') });
    const berliner = await addMember(t.app, t.database, owner, 'sales');
    const agentC = await makeAgent(c, owner, berliner, {
      timeZone: 'Europe/Berlin',
      weeklyHours: [{ weekday: 1, start: '09:00', end: '10:00' }],
    });
    const berlin = (
      await c.api(
        owner,
        'GET',
        `/scheduling/slots?type=${type.id}&from=${at('00:00')}&to=${at('23:00')}&agentId=${agentC.id}`,
      )
    ).json().data;
    // One slot, 09:00–10:00 Berlin wall time (08:00Z in winter, 07:00Z in summer).
    expect(berlin).toHaveLength(1);
    expect(berlin[0]).toMatchObject({ agentId: agentC.id, timeZone: 'Europe/Berlin' });
    const berlinTime = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      hour: '2-digit',
      minute: '2-digit',
    });
    expect(berlinTime.format(new Date(berlin[0].startsAt))).toBe('09:00');
    expect(berlinTime.format(new Date(berlin[0].endsAt))).toBe('10:00');
    for (const bad of [
      `/scheduling/slots?type=${type.id}&from=${at('10:00')}&to=${at('09:00')}`,
      `/scheduling/slots?type=${type.id}&from=${at('10:00')}&to=2030-09-01T00:00:00Z`,
      `/scheduling/slots?from=${at('10:00')}&to=${at('11:00')}`,
      `/scheduling/slots?type=nope&from=${at('10:00')}&to=${at('11:00')}`,
      `/scheduling/slots?type=${type.id}&from=${at('10:00')}&to=${at('11:00')}&x=1`,
    ])
      expect((await c.api(owner, 'GET', bad)).statusCode, bad).toBe(400);
    const foreignType = await makeType(c, other);
    expect(
      (
        await c.api(
          owner,
          'GET',
          `/scheduling/slots?type=${foreignType.id}&from=${at('10:00')}&to=${at('11:00')}`,
        )
      ).statusCode,
    ).toBe(404);
  });

  it('minimum notice and skills: no slot before now + notice; agents without the skill get none', async () => {
    const noticed = await makeType(c, owner, { minNoticeMinutes: 3 * 24 * 60, requiredSkills: ['solar'] });
    const now = Date.now();
    const from = new Date(now).toISOString();
    const to = new Date(now + 7 * 86_400_000).toISOString();
    const slots = (
      await c.api(owner, 'GET', `/scheduling/slots?type=${noticed.id}&from=${from}&to=${to}`)
    ).json().data as { startsAt: string; agentId: string }[];
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => Date.parse(s.startsAt) >= now + 3 * 86_400_000)).toBe(true);
    expect(new Set(slots.map((s) => s.agentId))).toEqual(new Set([agentA.id]));
    const refused = await c.api(owner, 'POST', '/scheduling/appointments', {
      typeId: noticed.id,
      agentId: agentB.id,
      leadId: lead.id,
      startsAt: at('16:00', dayAfter(7)),
    });
    expect(refused.statusCode).toBe(400);
  });

  it('bad input and other tenants’ ids change nothing', async () => {
    const foreignLead = await c.create(other, '/leads', { firstName: 'Not', lastName: 'Yours' });
    const foreignAgent = await makeAgent(c, other, other);
    const contact = await c.create(owner, '/contacts', { firstName: 'Con', lastName: 'Tact' });
    const before = await c.snapshot(owner.tenantId, SCHEDULING_TABLES);
    const base = {
      typeId: type.id,
      agentId: agentA.id,
      leadId: lead.id,
      startsAt: at('16:00', dayAfter(8)),
    };
    const cases: [object, number][] = [
      [{ ...base, leadId: foreignLead.id }, 404],
      [{ ...base, leadId: MISSING_ID }, 404],
      [{ ...base, agentId: foreignAgent.id }, 404],
      [{ ...base, typeId: MISSING_ID }, 404],
      [{ ...base, contactId: contact.id }, 400],
      [{ typeId: type.id, agentId: agentA.id, startsAt: base.startsAt }, 400],
      [{ ...base, startsAt: 'tomorrow' }, 400],
      [{ ...base, endsAt: at('15:00', dayAfter(8)) }, 400],
      [{ ...base, endsAt: at('16:00', dayAfter(10)) }, 400],
      [{ ...base, notes: 'a\u0000b' }, 400],
      [{ ...base, location: 'x'.repeat(501) }, 400],
      [{ ...base, status: 'completed' }, 400],
      [{ ...base, tenantId: other.tenantId }, 400],
      [{ ...base, agentId: 42 }, 400],
    ];
    for (const [body, status] of cases) {
      const res = await c.api(owner, 'POST', '/scheduling/appointments', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
    }
    expect(await c.snapshot(owner.tenantId, SCHEDULING_TABLES)).toEqual(before);
    // A contact instead of a lead is fine.
    expect(
      (
        await c.api(owner, 'POST', '/scheduling/appointments', {
          ...base,
          leadId: undefined,
          contactId: contact.id,
        })
      ).statusCode,
    ).toBe(201);
  });
});
