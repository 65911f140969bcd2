import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';
import { makeAgent, makeType, outboxEvents, SCHEDULING_TABLES } from './scheduling-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let sales: BrowserSession;
let sales2: BrowserSession;
let agentA: { id: string };
let agentB: { id: string };
let type: { id: string };
const t = setupApiTest();
const c = crmApi(t);
const day = (offset: number) => {
  const d = new Date(Date.now() + (20 + offset) * 86_400_000);
  return d.toISOString().slice(0, 10);
};
const at = (hhmm: string, d = 0) => `${day(d)}T${hhmm}:00.000Z`;
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  sales = await addMember(t.app, t.database, owner, 'sales');
  sales2 = await addMember(t.app, t.database, owner, 'sales');
  agentA = await makeAgent(c, owner, sales);
  agentB = await makeAgent(c, owner, sales2);
  type = await makeType(c, owner);
});

const newLead = (as = owner) =>
  c.create(as, '/leads', { firstName: 'Lee', lastName: `Lead ${Math.random()}` });
const book = async (startsAt: string, extra: object = {}) => {
  const lead = await newLead();
  return c.create(owner, '/scheduling/appointments', {
    typeId: type.id,
    agentId: agentA.id,
    leadId: lead.id,
    startsAt,
    ...extra,
  }) as Promise<{ id: string; leadId: string; version: number }>;
};

describe('appointment lifecycle', () => {
  it('reschedules (length kept), onto a booked time → 409 with next slots, stale version → 409; history kept', async () => {
    const a = await book(at('09:00'));
    await book(at('13:00'));
    const moved = await c.api(owner, 'PATCH', `/scheduling/appointments/${a.id}`, {
      startsAt: at('10:30'),
      version: 1,
    });
    expect(moved.json().data).toMatchObject({ startsAt: at('10:30'), endsAt: at('11:30'), version: 2 });
    const before = await c.snapshot(owner.tenantId, SCHEDULING_TABLES);
    const clash = await c.api(owner, 'PATCH', `/scheduling/appointments/${a.id}`, {
      startsAt: at('12:30'),
      version: 2,
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.details.nextSlots.length).toBeGreaterThan(0);
    const stale = await c.api(owner, 'PATCH', `/scheduling/appointments/${a.id}`, { notes: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.version).toBe(2);
    const bad = await c.api(owner, 'PATCH', `/scheduling/appointments/${a.id}`, {
      endsAt: at('10:00'),
      version: 2,
    });
    expect(bad.statusCode).toBe(400);
    expect(await c.snapshot(owner.tenantId, SCHEDULING_TABLES)).toEqual(before);
    // Resize, then move to another agent (owner follows the agent).
    const resized = await c.api(owner, 'PATCH', `/scheduling/appointments/${a.id}`, {
      endsAt: at('12:00'),
      version: 2,
    });
    expect(resized.json().data).toMatchObject({ endsAt: at('12:00'), blockedTo: at('12:15') });
    const handed = await c.api(owner, 'PATCH', `/scheduling/appointments/${a.id}`, {
      agentId: agentB.id,
      version: 3,
    });
    expect(handed.json().data).toMatchObject({ agentId: agentB.id, ownerId: sales2.userId });
    expect(await auditActions(t, owner.tenantId, a.id)).toEqual([
      'appointment.created',
      'appointment.rescheduled',
      'appointment.rescheduled',
      'appointment.rescheduled',
    ]);
    const events = (await outboxEvents(t, owner.tenantId)).filter((e) => e.payload.appointmentId === a.id);
    expect(events.map((e) => e.type)).toEqual([
      'appointment.booked',
      'appointment.rescheduled',
      'appointment.rescheduled',
      'appointment.rescheduled',
    ]);
  });

  it('cancel frees the time; a cancelled appointment cannot move or complete', async () => {
    const a = await book(at('09:00', 1));
    const res = await c.api(owner, 'POST', `/scheduling/appointments/${a.id}/cancel`, {
      reason: 'Customer ill',
    });
    expect(res.json().data).toMatchObject({ status: 'cancelled', cancelReason: 'Customer ill' });
    expect((await book(at('09:00', 1))).id).toBeDefined();
    const before = await c.snapshot(owner.tenantId, SCHEDULING_TABLES);
    expect(
      (
        await c.api(owner, 'PATCH', `/scheduling/appointments/${a.id}`, {
          startsAt: at('15:00', 1),
          version: 2,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await c.api(owner, 'POST', `/scheduling/appointments/${a.id}/complete`, { outcome: 'qualified' }))
        .statusCode,
    ).toBe(409);
    expect((await c.api(owner, 'POST', `/scheduling/appointments/${a.id}/confirm`)).statusCode).toBe(409);
    expect(await c.snapshot(owner.tenantId, SCHEDULING_TABLES)).toEqual(before);
    expect(await auditActions(t, owner.tenantId, a.id)).toEqual([
      'appointment.created',
      'appointment.cancelled',
    ]);
    const cancelled = (await outboxEvents(t, owner.tenantId)).filter(
      (e) => e.type === 'appointment.cancelled',
    );
    expect(cancelled.map((e) => e.payload)).toEqual([
      { appointmentId: a.id, agentId: agentA.id, ownerId: sales.userId },
    ]);
  });

  it('completion as qualified moves the lead to qualified through the CRM (audited, lead.updated)', async () => {
    const a = await book(at('09:00', 2));
    expect((await c.api(owner, 'POST', `/scheduling/appointments/${a.id}/confirm`)).json().data.status).toBe(
      'confirmed',
    );
    const bad = await c.api(owner, 'POST', `/scheduling/appointments/${a.id}/complete`, { outcome: 'great' });
    expect(bad.statusCode).toBe(400);
    expect((await c.api(owner, 'POST', `/scheduling/appointments/${a.id}/complete`, {})).statusCode).toBe(
      400,
    );
    const done = await c.api(owner, 'POST', `/scheduling/appointments/${a.id}/complete`, {
      outcome: 'qualified',
      notes: 'Wants solar on both roofs',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().data).toMatchObject({
      status: 'completed',
      outcome: 'qualified',
      notes: 'Wants solar on both roofs',
    });
    expect(done.json().data.completedAt).not.toBeNull();
    const lead = (await c.api(owner, 'GET', `/leads/${a.leadId}`)).json().data;
    expect(lead).toMatchObject({ status: 'qualified', statusReason: 'Appointment completed as qualified' });
    expect(await auditActions(t, owner.tenantId, a.leadId)).toEqual(['lead.created', 'lead.status_changed']);
    const types = (await outboxEvents(t, owner.tenantId, '')).map((e) => e.type);
    expect(types.slice(-2)).toEqual(['appointment.completed', 'lead.updated']);
    // Other outcomes leave the lead alone; a completed appointment stays completed.
    const b = await book(at('13:00', 2));
    await c.api(owner, 'POST', `/scheduling/appointments/${b.id}/complete`, { outcome: 'not_interested' });
    expect((await c.api(owner, 'GET', `/leads/${b.leadId}`)).json().data.status).toBe('new');
    expect((await c.api(owner, 'POST', `/scheduling/appointments/${b.id}/no-show`)).statusCode).toBe(409);
    expect(
      (await c.api(owner, 'POST', `/scheduling/appointments/${b.id}/complete`, { outcome: 'not_interested' }))
        .statusCode,
    ).toBe(200);
  });

  it('a won lead cannot be re-qualified: the completion is refused as a whole (409) and nothing changes', async () => {
    const a = await book(at('15:00', 2));
    await c.api(owner, 'POST', `/leads/${a.leadId}/convert`, { createDeal: false });
    const lead = (await c.api(owner, 'GET', `/leads/${a.leadId}`)).json().data;
    await c.api(owner, 'POST', `/leads/${a.leadId}/status`, { status: 'won', version: lead.version });
    const before = await c.snapshot(owner.tenantId, SCHEDULING_TABLES);
    const res = await c.api(owner, 'POST', `/scheduling/appointments/${a.id}/complete`, {
      outcome: 'qualified',
    });
    expect(res.statusCode).toBe(409);
    expect(await c.snapshot(owner.tenantId, SCHEDULING_TABLES)).toEqual(before);
  });

  it('record scope: an agent with scope own sees and changes only their appointments; other tenants see nothing', async () => {
    const mine = await book(at('09:00', 3));
    const theirs = await book(at('09:00', 3), { agentId: agentB.id });
    const list = (
      await c.api(sales, 'GET', `/scheduling/appointments?from=${at('00:00', 3)}&to=${at('23:59', 3)}`)
    ).json().data;
    expect(list.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    expect((await c.api(sales, 'GET', `/scheduling/appointments/${theirs.id}`)).statusCode).toBe(404);
    expect((await c.api(sales, 'POST', `/scheduling/appointments/${theirs.id}/cancel`, {})).statusCode).toBe(
      404,
    );
    for (const [method, url, body] of [
      ['GET', `/scheduling/appointments/${mine.id}`, undefined],
      ['PATCH', `/scheduling/appointments/${mine.id}`, { notes: 'x', version: 1 }],
      ['POST', `/scheduling/appointments/${mine.id}/complete`, { outcome: 'other' }],
      ['DELETE', `/scheduling/appointments/${mine.id}`, undefined],
    ] as const)
      expect((await c.api(other, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/scheduling/slots' });
    expect(anonymous.statusCode).toBe(401);
  });
});
