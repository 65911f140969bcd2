import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';
import { makeAgent, makeType, SCHEDULING_TABLES } from './scheduling-fixtures.ts';

const t = setupApiTest();
const c = crmApi(t);
const at = (hhmm: string, offset = 0) =>
  `${new Date(Date.now() + (10 + offset) * 86_400_000).toISOString().slice(0, 10)}T${hhmm}:00.000Z`;

/** A tenant with three agents: north (postal 10…, solar), south (20…), anywhere (no territory, solar). */
const setup = async () => {
  const owner = await signUp(t.app);
  const people = [] as BrowserSession[];
  for (let i = 0; i < 3; i++) people.push(await addMember(t.app, t.database, owner, 'sales'));
  const [n, s, a] = people as [BrowserSession, BrowserSession, BrowserSession];
  const north = await makeAgent(c, owner, n, { postalPrefixes: ['10'], skills: ['solar'], priority: 5 });
  const south = await makeAgent(c, owner, s, { postalPrefixes: ['20'], priority: 1 });
  const anywhere = await makeAgent(c, owner, a, { skills: ['solar'], priority: 9 });
  const type = await makeType(c, owner);
  const lead = await c.create(owner, '/leads', { firstName: 'Smart', lastName: 'Booking' });
  const book = (startsAt: string, extra: object = {}) =>
    c.api(owner, 'POST', '/scheduling/appointments', {
      typeId: type.id,
      leadId: lead.id,
      startsAt,
      ...extra,
    });
  return { owner, north, south, anywhere, type, book };
};

describe('smart booking (no agent chosen)', () => {
  let x: Awaited<ReturnType<typeof setup>>;
  beforeAll(async () => {
    x = await setup();
  });

  it('territory first: the postal code picks the covering agent; no cover → agents without a territory', async () => {
    const res = await x.book(at('09:00'), { postalCode: '10115' });
    expect(res.statusCode).toBe(201);
    expect(res.json().data.agentId).toBe(x.north.id);
    expect(res.json().data.assignment).toMatchObject({ strategy: 'load_balanced', candidates: 1 });
    expect(res.json().data.assignment.reason).toContain('covers postal code 10115');
    const far = await x.book(at('09:00'), { postalCode: '99999' });
    expect(far.json().data.agentId).toBe(x.anywhere.id);
    expect(far.json().data.assignment.reason).toContain('without a territory');
  });

  it('required skills, then the lowest load, then round-robin among equals; the answer says why', async () => {
    const solar = await makeType(c, x.owner, { requiredSkills: ['solar'] });
    // north and anywhere each have one appointment within 3 days (above); south none.
    const plain = await x.book(at('11:00'));
    expect(plain.json().data.agentId).toBe(x.south.id);
    expect(plain.json().data.assignment.reason).toMatch(/lowest load \(0 appointments/);
    const skilled = await c.api(x.owner, 'POST', '/scheduling/appointments', {
      typeId: solar.id,
      leadId: plain.json().data.leadId,
      startsAt: at('13:00'),
    });
    // north and anywhere tie on load 1: round-robin → the one booked least recently (north, booked first).
    expect(skilled.json().data.agentId).toBe(x.north.id);
    expect(skilled.json().data.assignment.reason).toMatch(
      /has solar.*round-robin: booked least recently among 2/,
    );
  });

  it('the tenant setting picks the strategy (fixed priority, round-robin); audited, versioned, booking.manage', async () => {
    expect((await c.api(x.owner, 'GET', '/scheduling/settings')).json().data).toEqual({
      strategy: 'load_balanced',
      version: 1,
    });
    const set = await c.api(x.owner, 'PUT', '/scheduling/settings', {
      strategy: 'fixed_priority',
      version: 1,
    });
    expect(set.json().data).toEqual({ strategy: 'fixed_priority', version: 2 });
    expect(await auditActions(t, x.owner.tenantId, x.owner.tenantId)).toContain(
      'scheduling_settings.updated',
    );
    const prio = await x.book(at('15:00'));
    expect(prio.json().data.agentId).toBe(x.south.id); // priority 1
    expect(prio.json().data.assignment.reason).toContain('highest priority (1)');
    await c.api(x.owner, 'PUT', '/scheduling/settings', { strategy: 'round_robin' });
    const rr = await x.book(at('09:00', 1));
    // Booked least recently: anywhere (its only booking came before south's and north's latest).
    expect(rr.json().data.agentId).toBe(x.anywhere.id);
    const sales = await addMember(t.app, t.database, x.owner, 'sales');
    const before = await c.snapshot(x.owner.tenantId, SCHEDULING_TABLES);
    const settings = (await c.api(x.owner, 'GET', '/scheduling/settings')).json().data;
    expect(settings).toEqual({ strategy: 'round_robin', version: 3 });
    expect(
      (await c.api(x.owner, 'PUT', '/scheduling/settings', { strategy: 'round_robin', version: 1 }))
        .statusCode,
    ).toBe(409);
    for (const body of [
      { strategy: 'random' },
      { strategy: 'round_robin', extra: 1 },
      {},
      { strategy: 'x\u0000' },
    ])
      expect((await c.api(x.owner, 'PUT', '/scheduling/settings', body)).statusCode).toBe(400);
    expect(
      (await c.api(sales, 'PUT', '/scheduling/settings', { strategy: 'fixed_priority' })).statusCode,
    ).toBe(403);
    expect(await c.snapshot(x.owner.tenantId, SCHEDULING_TABLES)).toEqual(before);
    expect((await c.api(x.owner, 'GET', '/scheduling/settings')).json().data).toEqual(settings);
  });

  it('nobody free (all booked or not working) → 409 CONFLICT, nothing written', async () => {
    const before = await c.snapshot(x.owner.tenantId, SCHEDULING_TABLES);
    expect((await x.book(at('03:00', 2))).statusCode).toBe(409); // outside everyone's hours
    expect(await c.snapshot(x.owner.tenantId, SCHEDULING_TABLES)).toEqual(before);
    for (let i = 0; i < 3; i++) expect((await x.book(at('16:00', 2))).statusCode).toBe(201);
    const full = await x.book(at('16:00', 2));
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('CONFLICT');
  });
});
