import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember, roleByKey } from '../helpers/members.ts';
import { dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { makeAgent, makeType, outboxEvents } from '../scheduling/scheduling-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let canvasser: BrowserSession;
let canvasser2: BrowserSession;
let closer: BrowserSession;
let agent: { id: string };
let type: { id: string };
let otherType: { id: string };
const t = setupApiTest();
const c = crmApi(t);
const TABLES = ['visits', 'leads', 'appointments'];
/** A Monday about five weeks ahead (inside the type's booking horizon). */
const DAY = (() => {
  const d = new Date(Date.now() + 35 * 86_400_000);
  d.setUTCDate(d.getUTCDate() + ((8 - (d.getUTCDay() || 7)) % 7));
  return d.toISOString().slice(0, 10);
})();
const at = (hhmm: string) => `${DAY}T${hhmm}:00.000Z`;

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  canvasser = await addMember(t.app, t.database, owner, 'canvasser', 'Kim Knocker');
  canvasser2 = await addMember(t.app, t.database, owner, 'canvasser', 'Lee Knocker');
  closer = await addMember(t.app, t.database, owner, 'sales', 'Cleo Closer');
  agent = await makeAgent(c, owner, closer);
  type = await makeType(c, owner, { maxDaysAhead: 365 });
  otherType = await makeType(c, other, { maxDaysAhead: 365 });
});

const visit = (as: BrowserSession, address: string, startsAt: string, extra: object = {}) =>
  c.api(as, 'POST', '/visits', {
    address,
    outcome: 'appointment_set',
    contactName: 'Pat Resident',
    appointment: { typeId: type.id, agentId: agent.id, startsAt },
    ...extra,
  });

describe('visit → appointment (scheduling public API)', () => {
  it('the canvasser role reads appointment types and free slots', async () => {
    expect((await c.api(canvasser, 'GET', '/scheduling/types')).statusCode).toBe(200);
    const slots = await c.api(
      canvasser,
      'GET',
      `/scheduling/slots?type=${type.id}&from=${at('00:00')}&to=${DAY}T23:59:00.000Z`,
    );
    expect(slots.statusCode).toBe(200);
    expect(slots.json().data.length).toBeGreaterThan(0);
  });

  it('an appointment_set visit books the appointment for its lead, at the door, in one transaction', async () => {
    const res = await visit(canvasser, '7 Linden Way', at('10:00'), { notes: 'Roof faces south' });
    expect(res.statusCode, res.body).toBe(201);
    const v = res.json().data;
    expect(v).toMatchObject({ outcome: 'appointment_set', agentId: canvasser.userId });
    expect(v.leadId).toEqual(expect.any(String));
    expect(v.appointmentId).toEqual(expect.any(String));
    const appt = (await c.api(owner, 'GET', `/scheduling/appointments/${v.appointmentId}`)).json().data;
    expect(appt).toMatchObject({
      leadId: v.leadId,
      agentId: agent.id,
      ownerId: closer.userId,
      startsAt: at('10:00'),
      endsAt: at('11:00'),
      location: '7 Linden Way',
      notes: 'Roof faces south',
      status: 'scheduled',
      createdBy: canvasser.userId,
    });
    const recorded = (await outboxEvents(t, owner.tenantId, 'visit.')).at(-1);
    expect(recorded?.payload).toMatchObject({ visitId: v.id, appointmentId: v.appointmentId });
    expect((await outboxEvents(t, owner.tenantId)).map((e) => e.type)).toContain('appointment.booked');
    // The closer (the agent) sees it; the canvasser's "own" scope does not cover other people's appointments.
    expect((await c.api(closer, 'GET', `/scheduling/appointments/${v.appointmentId}`)).statusCode).toBe(200);
    // The visit's UTC day ± 1: the stats count days in the tenant's time zone.
    const day = (offset: number) =>
      new Date(Date.parse(v.visitedAt) + offset * 86_400_000).toISOString().slice(0, 10);
    const stats = (await c.api(owner, 'GET', `/visits/stats?from=${day(-1)}&to=${day(1)}`)).json().data
      .agents;
    expect(stats.find((s: { agentId: string }) => s.agentId === canvasser.userId)).toMatchObject({
      appointments: 1,
    });
  });

  it('a slot already taken is a 409 with the next free slots, and nothing is saved (no visit, no lead)', async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const start of ['10:00', '10:30', '09:15']) {
      const res = await visit(canvasser2, '9 Linden Way', at(start));
      expect(res.statusCode, start).toBe(409);
      expect(res.json().error.code).toBe('CONFLICT');
      const next = res.json().error.details.nextSlots;
      expect(next.length).toBeGreaterThan(0);
      expect(next[0].agentId).toBe(agent.id);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    // The next slot offered books fine.
    const ok = await visit(canvasser2, '9 Linden Way', at('11:30'));
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('two canvassers booking the same slot at once: one wins, the other gets 409 and saves nothing', async () => {
    const results = await Promise.all([
      visit(canvasser, '1 Race Street', at('14:00')),
      visit(canvasser2, '2 Race Street', at('14:00')),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const saved = await dbRows<{ address: string }>(
      t,
      sql`select address from visits where tenant_id = ${owner.tenantId} and address like '% Race Street'`,
    );
    expect(saved).toHaveLength(1);
  });

  it('bad input: an appointment needs appointment_set, a type and agent of the tenant; nothing changes', async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    const bodies: [object, number][] = [
      [{ outcome: 'interested' }, 400],
      [{ appointment: { typeId: type.id, agentId: agent.id } }, 400],
      [{ appointment: { typeId: type.id, agentId: agent.id, startsAt: at('16:00'), extra: 1 } }, 400],
      [{ appointment: { typeId: 'nope', startsAt: at('16:00') } }, 400],
      [{ appointment: { typeId: type.id, startsAt: 'tomorrow' } }, 400],
      [{ appointment: { typeId: type.id, startsAt: at('16:00'), notes: 'x\u0000' } }, 400],
      [{ appointment: { typeId: type.id, startsAt: at('16:00'), notes: 'x'.repeat(2001) } }, 400],
      [{ appointment: { typeId: otherType.id, startsAt: at('16:00') } }, 404],
      [{ appointment: { typeId: MISSING_ID, startsAt: at('16:00') } }, 404],
      [{ appointment: { typeId: type.id, agentId: MISSING_ID, startsAt: at('16:00') } }, 404],
      [
        { appointment: { typeId: type.id, agentId: agent.id, startsAt: at('16:00'), endsAt: at('15:00') } },
        400,
      ],
      [{ appointment: [] }, 400],
    ];
    for (const [extra, status] of bodies) {
      const res = await visit(canvasser, '5 Bad Input Road', at('16:00'), extra);
      expect(res.statusCode, JSON.stringify(extra)).toBe(status);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('booking needs appointments.manage: without it the visit is refused (403) and nothing is saved', async () => {
    const noBooking = await memberWithRole(t, owner.tenantId, {
      permissions: ['visits.create', 'visits.view', 'leads.create', 'leads.view'],
    });
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect((await visit(noBooking, '3 Quiet Lane', at('17:00'))).statusCode).toBe(403);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    // Without an appointment the same person records the visit.
    const res = await c.api(noBooking, 'POST', '/visits', {
      address: '3 Quiet Lane',
      outcome: 'appointment_set',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().data.appointmentId).toBeNull();
  });

  it('the migration gives existing tenants’ canvasser role the booking and documents permissions', async () => {
    const role = await roleByKey(t.app, owner, 'canvasser');
    expect(role.permissions).toEqual(
      expect.arrayContaining([
        'appointments.view',
        'appointments.manage',
        'documents.view',
        'documents.manage',
      ]),
    );
    // An older tenant: its canvasser role as the template was before; the migration's statements fix it.
    await dbRows(
      t,
      sql`update roles set permissions = array['territories.view','visits.view','visits.create','leads.view','leads.create'], scopes = '{"leads":"own"}'::jsonb where tenant_id = ${other.tenantId} and key = 'canvasser'`,
    );
    const file = new URL('../../migrations/0045_canvassing_appointments.sql', import.meta.url);
    const statements = readFileSync(file, 'utf8')
      .split('--> statement-breakpoint')
      .filter((s) => /roles/.test(s));
    for (const s of statements) await dbRows(t, sql.raw(s));
    const [fixed] = await dbRows<{ permissions: string[]; scopes: Record<string, string> }>(
      t,
      sql`select permissions, scopes from roles where tenant_id = ${other.tenantId} and key = 'canvasser'`,
    );
    expect(fixed?.permissions).toEqual(
      expect.arrayContaining(['visits.create', 'appointments.manage', 'documents.manage']),
    );
    expect(fixed?.scopes).toEqual({ leads: 'own', appointments: 'own' });
  });
});
