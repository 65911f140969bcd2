import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEventDispatcher,
  defineConsumer,
  type EventDispatcher,
} from '../../src/platform/events/index.ts';
import type { BrowserSession } from '../helpers/auth-client.ts';
import { signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let c: ReturnType<typeof crmApi>;
let owner: BrowserSession;
let stranger: BrowserSession;
let dispatcher: EventDispatcher;
const created: string[] = [];
const TABLES = ['leads', 'inbound_endpoints', 'inbound_calls'] as const;
const MAPPING = { firstName: 'first', lastName: 'last', email: 'contact.email' };

beforeAll(async () => {
  t = await createTestApp();
  c = crmApi(t);
  owner = await signUp(t.app);
  stranger = await signUp(t.app);
  dispatcher = createEventDispatcher({
    database: t.database,
    log: pino({ level: 'silent' }),
    listen: false,
    consumers: [
      defineConsumer({
        name: 'test-leads',
        on: { 'lead.created': async (e) => void created.push(e.payload.leadId) },
      }),
    ],
  });
});
afterAll(() => t.close());

const hook = (token: string, payload: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: `/api/hooks/${token}`,
    payload,
    headers: { 'content-type': 'application/json', ...headers },
  });
const endpoint = (body: object = {}) =>
  c.create(owner, '/inbound-endpoints', {
    name: 'Landing page',
    mapping: MAPPING,
    externalIdField: 'ref',
    source: 'landing',
    ...body,
  });
const calls = (endpointId: string) =>
  dbRows<{ outcome: string; external_id: string | null }>(
    t,
    sql`select outcome, external_id from inbound_calls where endpoint_id = ${endpointId} order by id`,
  );

describe('inbound lead-capture hooks', () => {
  it('creates one lead per external id (JSON or form), emits lead.created, logs every call', async () => {
    const ep = await endpoint();
    expect(ep.token).toMatch(/^tih_/);
    const body = JSON.stringify({
      first: 'Ada',
      last: 'Byron',
      contact: { email: 'ada@example.com' },
      ref: 'v-1',
    });
    const res = await hook(ep.token, body);
    expect(res.statusCode).toBe(201);
    const { leadId, duplicate } = res.json().data;
    expect(duplicate).toBe(false);
    const again = await hook(ep.token, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().data).toEqual({ leadId, duplicate: true });
    const lead = (await c.api(owner, 'GET', `/leads/${leadId}`)).json().data;
    expect(lead).toMatchObject({
      firstName: 'Ada',
      lastName: 'Byron',
      email: 'ada@example.com',
      source: 'landing',
      ownerId: null,
    });
    const form = await t.app.inject({
      method: 'POST',
      url: `/api/hooks/${ep.token}`,
      payload: 'first=Alan&last=Turing&ref=v-2',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.statusCode).toBe(201);
    await dispatcher.drain();
    expect(created).toEqual([leadId, form.json().data.leadId]);
    expect(await calls(ep.id)).toEqual([
      { outcome: 'created', external_id: 'v-1' },
      { outcome: 'duplicate', external_id: 'v-1' },
      { outcome: 'created', external_id: 'v-2' },
    ]);
    const log = (await c.api(owner, 'GET', `/inbound-calls?endpointId=${ep.id}`)).json().data;
    expect(log.map((x: { outcome: string }) => x.outcome)).toEqual(['created', 'duplicate', 'created']);
  });

  it('bad payloads get a clear 4xx and create nothing', async () => {
    const ep = await endpoint();
    const before = await c.snapshot(owner.tenantId, ['leads']);
    for (const [payload, type, status] of [
      ['{not json', 'application/json', 400],
      ['[1,2]', 'application/json', 400],
      ['"text"', 'application/json', 400],
      [JSON.stringify({ first: 'Ada' }), 'application/json', 400], // last name missing
      [
        JSON.stringify({ first: 'Ada', last: 'B', contact: { email: 'not-an-email' } }),
        'application/json',
        400,
      ],
      [JSON.stringify({ first: 'Ada', last: 'x'.repeat(200) }), 'application/json', 400],
      [JSON.stringify({ first: 'Ada', last: 'B' }), 'text/plain', 415],
      ['x'.repeat(70 * 1024), 'application/json', 413],
    ] as const) {
      const res = await hook(ep.token, payload, { 'content-type': type });
      expect(res.statusCode, payload.slice(0, 40)).toBe(status);
      expect(res.json().success).toBe(false);
    }
    const nul = await hook(ep.token, JSON.stringify({ first: 'A\u0000da', last: 'B' }));
    expect(nul.statusCode).toBe(400);
    expect(await c.snapshot(owner.tenantId, ['leads'])).toEqual({ ...before, audit: before.audit });
  });

  it('checks the HMAC when asked, rate-limits per endpoint, and a revoked token is 404', async () => {
    const ep = await endpoint({ verifySignature: true, rateLimitPerMinute: 3 });
    const body = JSON.stringify({ first: 'Grace', last: 'Hopper', ref: 'g-1' });
    const sign = (b: string) => `sha256=${createHmac('sha256', ep.secret).update(b).digest('hex')}`;
    expect((await hook(ep.token, body)).statusCode).toBe(401);
    expect((await hook(ep.token, body, { 'x-tessera-signature': sign(`${body} `) })).statusCode).toBe(401);
    expect((await hook(ep.token, body, { 'x-tessera-signature': sign(body) })).statusCode).toBe(201);
    const limited = await hook(ep.token, body, { 'x-tessera-signature': sign(body) });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe('60');
    expect((await calls(ep.id)).map((x) => x.outcome)).toEqual([
      'bad_signature',
      'bad_signature',
      'created',
      'rate_limited',
    ]);

    const other = await endpoint();
    expect((await c.api(stranger, 'DELETE', `/inbound-endpoints/${other.id}`)).statusCode).toBe(404);
    const revoked = await c.api(owner, 'DELETE', `/inbound-endpoints/${other.id}`);
    expect(revoked.json().data.revokedAt).toEqual(expect.any(String));
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect((await hook(other.token, JSON.stringify({ first: 'A', last: 'B' }))).statusCode).toBe(404);
    expect((await hook(`tih_${'A'.repeat(32)}`, '{}')).statusCode).toBe(404);
    expect((await hook('nonsense', '{}')).statusCode).toBe(400);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('endpoint management: bad input, another tenant, permissions — nothing changes', async () => {
    const ep = await endpoint();
    const sales = await addMember(t.app, t.database, owner, 'sales');
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      {},
      { name: 'x', mapping: { lastName: 'last' } }, // firstName not mapped
      { name: 'x', mapping: { ...MAPPING, score: 'score' } },
      { name: 'x', mapping: { ...MAPPING, email: 'a..b' } },
      { name: 'x'.repeat(121), mapping: MAPPING },
      { name: 'x', mapping: MAPPING, rateLimitPerMinute: 0 },
      { name: 'x', mapping: MAPPING, extra: true },
    ])
      expect((await c.api(owner, 'POST', '/inbound-endpoints', body)).statusCode, JSON.stringify(body)).toBe(
        400,
      );
    expect(
      (
        await c.api(owner, 'POST', '/inbound-endpoints', {
          name: 'x',
          mapping: MAPPING,
          vendorId: MISSING_ID,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await c.api(owner, 'POST', '/inbound-endpoints', {
          name: 'x',
          mapping: MAPPING,
          ownerId: stranger.userId,
        })
      ).statusCode,
    ).toBe(404);
    expect((await c.api(owner, 'PATCH', `/inbound-endpoints/${ep.id}`, { name: 'y' })).statusCode).toBe(400);
    expect(
      (await c.api(stranger, 'PATCH', `/inbound-endpoints/${ep.id}`, { name: 'y', version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await c.api(owner, 'PATCH', `/inbound-endpoints/${ep.id}`, { name: 'y', version: 9 })).statusCode,
    ).toBe(409);
    expect((await c.api(sales, 'GET', '/inbound-endpoints')).statusCode).toBe(403);
    expect((await c.api(stranger, 'GET', `/inbound-calls?endpointId=${ep.id}`)).json().data).toEqual([]);
    expect((await c.api(stranger, 'GET', '/inbound-endpoints')).json().data).toEqual([]);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const renamed = await c.api(owner, 'PATCH', `/inbound-endpoints/${ep.id}`, {
      name: 'Renamed',
      version: 1,
    });
    expect(renamed.json().data).toMatchObject({ name: 'Renamed', version: 2 });
  });
});
