import { sql } from 'drizzle-orm';
import pino from 'pino';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConsumers } from '../../src/events.ts';
import {
  attemptDelivery,
  type DeliveryAttemptOutcome,
  RETRY_SCHEDULE_SECONDS,
} from '../../src/modules/integrations/delivery.ts';
import { createEventDispatcher, type EventDispatcher } from '../../src/platform/events/index.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { startReceiver } from './receiver.ts';

let t: TestApp;
let c: ReturnType<typeof crmApi>;
let dispatcher: EventDispatcher;
let owner: BrowserSession;
let stranger: BrowserSession;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const log = pino({ level: 'silent' });
const TABLES = ['webhook_subscriptions', 'webhook_deliveries'] as const;

beforeAll(async () => {
  t = await createTestApp({ env: { WEBHOOKS_ALLOW_PRIVATE: 'true' } });
  c = crmApi(t);
  dispatcher = createEventDispatcher({ database: t.database, log, consumers: appConsumers(), listen: false });
  owner = await signUp(t.app);
  stranger = await signUp(t.app);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await t.close();
});

const subscribe = (as: BrowserSession, body: object) => c.create(as, '/webhooks/subscriptions', body);
const deliveries = (subscriptionId: string) =>
  dbRows<{
    id: string;
    status: string;
    attempts: number;
    response_status: number | null;
    event_type: string;
  }>(t, sql`select * from webhook_deliveries where subscription_id = ${subscriptionId} order by id`);
/** The outcomes the delivery reported for metrics (`tessera_webhook_deliveries_total`), in order. */
const outcomes: DeliveryAttemptOutcome[] = [];
/** Attempts a delivery as the job would, `afterSeconds` after now (drives the retry schedule without waiting). */
const attempt = (tenantId: string, id: string, afterSeconds = 0, allowPrivate = true) =>
  attemptDelivery(
    {
      database: t.database,
      log,
      allowPrivate,
      now: () => new Date(Date.now() + afterSeconds * 1000),
      onAttempt: (o) => outcomes.push(o),
    },
    tenantId,
    id,
  );

describe('webhook subscriptions API', () => {
  it('creates a subscription and shows its secret only once', async () => {
    const sub = await subscribe(owner, {
      url: receiver.url,
      eventTypes: ['lead.created'],
      description: 'CRM sync',
    });
    expect(sub).toMatchObject({
      url: receiver.url,
      eventTypes: ['lead.created'],
      active: true,
      rotating: false,
    });
    expect(sub.secret).toMatch(/^whsec_/);
    const got = await c.api(owner, 'GET', `/webhooks/subscriptions/${sub.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().data.secret).toBeUndefined();
    const list = await c.api(owner, 'GET', '/webhooks/subscriptions');
    expect(list.json().data.map((s: { id: string }) => s.id)).toEqual([sub.id]);
    expect(await auditActions(t, owner.tenantId, sub.id)).toEqual(['webhook.created']);
    expect(
      JSON.stringify(await dbRows(t, sql`select changes from audit_logs where target_id = ${sub.id}`)),
    ).not.toContain(sub.secret);
  });

  it('refuses bad input with a 400 and changes nothing', async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    const bad: object[] = [
      {},
      { url: 'ftp://example.com/x', eventTypes: ['lead.created'] },
      { url: 'http://user:pw@example.com/', eventTypes: ['lead.created'] },
      { url: 42, eventTypes: ['lead.created'] },
      { url: receiver.url, eventTypes: [] },
      { url: receiver.url, eventTypes: ['lead.nope'] },
      { url: receiver.url, eventTypes: 'lead.created' },
      { url: receiver.url, eventTypes: ['lead.created'], extra: 1 },
      { url: receiver.url, eventTypes: ['lead.created'], description: 'x'.repeat(501) },
      { url: `https://example.com/${'a'.repeat(2000)}`, eventTypes: ['lead.created'] },
      { url: 'https://exa\u0000mple.com/', eventTypes: ['lead.created'] },
    ];
    for (const body of bad) {
      const res = await c.api(owner, 'POST', '/webhooks/subscriptions', body);
      expect(res.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
    }
    const [sub] = (await c.api(owner, 'GET', '/webhooks/subscriptions')).json().data;
    for (const [method, url, body] of [
      ['PATCH', `/webhooks/subscriptions/${sub.id}`, { active: 'yes', version: sub.version }],
      ['PATCH', `/webhooks/subscriptions/${sub.id}`, { url: receiver.url }],
      ['POST', `/webhooks/subscriptions/${sub.id}/rotate-secret`, { graceHours: 100 }],
      ['POST', `/webhooks/subscriptions/${sub.id}/replay`, { from: 'yesterday', to: 'today' }],
      ['GET', '/webhooks/deliveries?status=lost', undefined],
      ['GET', '/webhooks/deliveries?cursor=xyz', undefined],
      ['GET', '/webhooks/subscriptions/not-a-uuid', undefined],
    ] as const) {
      const res = await c.api(owner, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(400);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it("another tenant's ids are 404 and nothing changes; members without webhooks.manage get 403", async () => {
    const [sub] = (await c.api(owner, 'GET', '/webhooks/subscriptions')).json().data;
    const sales = await addMember(t.app, t.database, owner, 'sales');
    const before = await c.snapshot(owner.tenantId, TABLES);
    const id = sub.id as string;
    for (const [method, url, body] of [
      ['GET', `/webhooks/subscriptions/${id}`, undefined],
      ['PATCH', `/webhooks/subscriptions/${id}`, { active: false, version: 1 }],
      ['DELETE', `/webhooks/subscriptions/${id}`, undefined],
      ['POST', `/webhooks/subscriptions/${id}/rotate-secret`, {}],
      ['POST', `/webhooks/subscriptions/${id}/test`, undefined],
      [
        'POST',
        `/webhooks/subscriptions/${id}/replay`,
        { from: '2020-01-01T00:00:00Z', to: '2100-01-01T00:00:00Z' },
      ],
      ['POST', `/webhooks/subscriptions/${MISSING_ID}/test`, undefined],
    ] as const) {
      const res = await c.api(stranger, method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    const theirs = await c.api(stranger, 'GET', '/webhooks/deliveries');
    expect(theirs.json().data).toEqual([]);
    expect((await c.api(stranger, 'GET', '/webhooks/subscriptions')).json().data).toEqual([]);
    expect((await c.api(sales, 'GET', '/webhooks/subscriptions')).statusCode).toBe(403);
    expect(
      (
        await c.api(sales, 'POST', '/webhooks/subscriptions', {
          url: receiver.url,
          eventTypes: ['lead.created'],
        })
      ).statusCode,
    ).toBe(403);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/webhooks/subscriptions' });
    expect(anonymous.statusCode).toBe(401);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});

describe('webhook delivery', () => {
  it('delivers an event once after a 500, signed by the Standard Webhooks scheme', async () => {
    const sub = await subscribe(owner, { url: receiver.url, eventTypes: ['lead.created'] });
    const lead = await c.create(owner, '/leads', { firstName: 'Ada', lastName: 'Byron' });
    await dispatcher.drain();
    await dispatcher.drain(); // a redelivered event adds no second delivery
    const [delivery, more] = await deliveries(sub.id);
    expect(more).toBeUndefined();
    expect(delivery).toMatchObject({ status: 'pending', event_type: 'lead.created', attempts: 0 });
    receiver.answer(500);
    const seen = receiver.received.length;
    outcomes.length = 0;
    const first = await attempt(owner.tenantId, delivery?.id as string);
    expect(first).toMatchObject({ status: 'pending', responseStatus: 500 });
    expect(first.status === 'pending' && first.retryInSeconds).toBeGreaterThanOrEqual(
      RETRY_SCHEDULE_SECONDS[1] * 0.9,
    );
    // Not due yet: nothing is sent.
    expect(await attempt(owner.tenantId, delivery?.id as string)).toEqual({ status: 'skipped' });
    expect(await attempt(owner.tenantId, delivery?.id as string, 10)).toMatchObject({
      status: 'delivered',
      responseStatus: 200,
    });
    expect(await attempt(owner.tenantId, delivery?.id as string, 20)).toEqual({ status: 'skipped' });
    const requests = receiver.received.slice(seen);
    expect(requests).toHaveLength(2);
    expect(outcomes).toEqual(['failed', 'success']); // skipped claims are no attempts
    const accepted = requests[1] as (typeof requests)[number];
    const payload = JSON.parse(accepted.body);
    expect(payload).toEqual({
      id: accepted.headers['webhook-id'],
      type: 'lead.created',
      createdAt: expect.any(String),
      tenantId: owner.tenantId,
      data: { leadId: lead.id, ownerId: owner.userId, status: 'new' },
    });
    expect(requests[0]?.body).toBe(accepted.body);
    const headers = accepted.headers as Record<string, string>;
    expect(() => new Webhook(sub.secret).verify(accepted.body, headers)).not.toThrow();

    const log = (
      await c.api(owner, 'GET', `/webhooks/deliveries?subscriptionId=${sub.id}&status=delivered`)
    ).json();
    expect(log.data).toHaveLength(1);
    expect(log.data[0]).toMatchObject({
      attempts: 2,
      responseStatus: 200,
      responseBody: 'ok',
      eventType: 'lead.created',
    });
    expect(log.data[0].durationMs).toEqual(expect.any(Number));
  });

  it('an address the SSRF guard refuses is not contacted: the attempt is refused and retried later', async () => {
    const sub = await subscribe(owner, { url: receiver.url, eventTypes: ['lead.created'] });
    const test = (await c.api(owner, 'POST', `/webhooks/subscriptions/${sub.id}/test`)).json().data;
    const seen = receiver.received.length;
    outcomes.length = 0;
    expect(await attempt(owner.tenantId, test.id, 0, false)).toMatchObject({
      status: 'pending',
      responseStatus: null,
    });
    expect(outcomes).toEqual(['refused']);
    expect(receiver.received.length).toBe(seen);
  });

  it('keeps at most 2 KB of a response, follows no redirect, and signs with both secrets while rotating', async () => {
    const sub = await subscribe(owner, { url: receiver.url, eventTypes: ['lead.created'] });
    const rotated = (
      await c.api(owner, 'POST', `/webhooks/subscriptions/${sub.id}/rotate-secret`, { graceHours: 1 })
    ).json().data;
    expect(rotated).toMatchObject({ rotating: true, version: 2 });
    expect(rotated.secret).not.toBe(sub.secret);
    const test = (await c.api(owner, 'POST', `/webhooks/subscriptions/${sub.id}/test`)).json().data;
    receiver.answer(302, 500);
    const seen = receiver.received.length;
    expect(await attempt(owner.tenantId, test.id)).toMatchObject({ status: 'pending', responseStatus: 302 });
    expect(await attempt(owner.tenantId, test.id, 10)).toMatchObject({
      status: 'pending',
      responseStatus: 500,
    });
    expect(receiver.received.length - seen).toBe(2); // the redirect to the metadata address was not followed
    const [row] = await dbRows<{ response_body: string }>(
      t,
      sql`select response_body from webhook_deliveries where id = ${test.id}`,
    );
    expect(Buffer.byteLength(row?.response_body ?? '')).toBeLessThanOrEqual(2048);
    const last = receiver.received.at(-1);
    const headers = last?.headers as Record<string, string>;
    expect(headers['webhook-signature']?.split(' ')).toHaveLength(2);
    for (const secret of [sub.secret, rotated.secret])
      expect(() => new Webhook(secret).verify(last?.body ?? '', headers)).not.toThrow();
  });

  it('a delivery that fails every attempt is dead; three in a row disable the subscription and e-mail the admins', async () => {
    const sub = await subscribe(owner, { url: receiver.url, eventTypes: ['lead.updated'] });
    const lead = await c.create(owner, '/leads', { firstName: 'Grace', lastName: 'Hopper' });
    for (let i = 0; i < 3; i++) {
      const res = await c.api(owner, 'PATCH', `/leads/${lead.id}`, { score: i + 1, version: i + 1 });
      expect(res.statusCode).toBe(200);
    }
    await dispatcher.drain();
    const rows = await deliveries(sub.id);
    expect(rows).toHaveLength(3);
    outcomes.length = 0;
    let clock = 0;
    for (const d of rows) {
      for (let n = 0; n < RETRY_SCHEDULE_SECONDS.length; n++) {
        receiver.answer(503);
        const out = await attempt(owner.tenantId, d.id, clock);
        clock += 12 * 3600;
        expect(out.status).toBe(n === RETRY_SCHEDULE_SECONDS.length - 1 ? 'dead' : 'pending');
      }
    }
    expect(outcomes.filter((o) => o === 'dead')).toHaveLength(3);
    expect(outcomes.filter((o) => o === 'failed')).toHaveLength(3 * (RETRY_SCHEDULE_SECONDS.length - 1));
    const after = (await c.api(owner, 'GET', `/webhooks/subscriptions/${sub.id}`)).json().data;
    expect(after).toMatchObject({
      active: false,
      consecutiveFailures: 3,
      disabledReason: expect.stringContaining('3 deliveries'),
    });
    const mail = await dbRows(
      t,
      sql`select to_address, subject from mail_outbox where to_address = ${owner.email}`,
    );
    expect(mail).toContainEqual({ to_address: owner.email, subject: 'A webhook subscription was disabled' });

    // Switch on again, replay the range: the three start over and are delivered.
    const on = await c.api(owner, 'PATCH', `/webhooks/subscriptions/${sub.id}`, {
      active: true,
      version: after.version,
    });
    expect(on.json().data).toMatchObject({ active: true, consecutiveFailures: 0, disabledReason: null });
    const replay = await c.api(owner, 'POST', `/webhooks/subscriptions/${sub.id}/replay`, {
      from: new Date(Date.now() - 3600_000).toISOString(),
      to: new Date(Date.now() + 3600_000).toISOString(),
    });
    expect(replay.statusCode).toBe(202);
    expect(replay.json().data).toEqual({ replayed: 3 });
    for (const d of rows) expect(await attempt(owner.tenantId, d.id)).toMatchObject({ status: 'delivered' });
    const one = await c.api(owner, 'POST', `/webhooks/deliveries/${rows[0]?.id}/replay`);
    expect(one.json().data).toMatchObject({ status: 'pending', attempts: 0 });
    expect((await c.api(stranger, 'POST', `/webhooks/deliveries/${rows[0]?.id}/replay`)).statusCode).toBe(
      404,
    );
  });
});
