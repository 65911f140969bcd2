import pino from 'pino';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appConsumers } from '../../src/events.ts';
import { startJobWakeups } from '../../src/jobs.ts';
import { webhookJobs } from '../../src/modules/integrations/index.ts';
import { createEventDispatcher, type EventDispatcher } from '../../src/platform/events/index.ts';
import { createMetrics, type Metrics } from '../../src/platform/observability/metrics.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { startReceiver } from './receiver.ts';

let t: TestApp;
let c: ReturnType<typeof crmApi>;
let owner: BrowserSession;
let dispatcher: EventDispatcher;
let stopWakeups: () => Promise<void>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let metrics: Metrics;
const log = pino({ level: 'silent' });

/** This process's count of webhook delivery attempts with one outcome, as a scrape shows it. */
const attempts = async (outcome: string) => {
  const text = await metrics.registry.getSingleMetricAsString('tessera_webhook_deliveries_total');
  return text
    .split('\n')
    .find((l) => l.startsWith(`tessera_webhook_deliveries_total{outcome="${outcome}"} `));
};

beforeAll(async () => {
  t = await createTestApp({
    env: { WEBHOOKS_ALLOW_PRIVATE: 'true' },
    // As jobs.ts wires them: the delivery job tells the process's metrics of every attempt.
    jobs: () => webhookJobs(true, (outcome) => metrics.webhookAttempt(outcome)),
  });
  metrics = createMetrics({ database: t.database });
  c = crmApi(t);
  owner = await signUp(t.app);
  receiver = await startReceiver();
  dispatcher = createEventDispatcher({ database: t.database, log, consumers: appConsumers(), listen: false });
  stopWakeups = await startJobWakeups({ database: t.database, log, send: t.jobs?.send as never });
});
afterAll(async () => {
  await stopWakeups();
  await receiver.close();
  await t.close();
});

describe('webhook jobs (pg-boss, real receiver)', () => {
  it('an event leaves at once through the commit wake-up and the webhooks.deliver job', async () => {
    const sub = await c.create(owner, '/webhooks/subscriptions', {
      url: receiver.url,
      eventTypes: ['lead.created'],
    });
    const lead = await c.create(owner, '/leads', { firstName: 'Ada', lastName: 'Lovelace' });
    await dispatcher.drain();
    const request = await waitFor(() => receiver.received.find((r) => r.body.includes(lead.id)));
    expect(() =>
      new Webhook(sub.secret).verify(request.body, request.headers as Record<string, string>),
    ).not.toThrow();
    const delivered = await waitFor(async () => {
      const res = await c.api(owner, 'GET', `/webhooks/deliveries?subscriptionId=${sub.id}&status=delivered`);
      return res.json().data[0];
    });
    expect(delivered).toMatchObject({ attempts: 1, responseStatus: 200, eventType: 'lead.created' });
    // The attempt is counted just after it is recorded: one success, nothing else.
    await waitFor(async () => (await attempts('success'))?.endsWith(' 1'));
    for (const outcome of ['failed', 'dead', 'refused']) expect(await attempts(outcome)).toMatch(/ 0$/);
  });

  it('"send test event" is delivered by the job too', async () => {
    const sub = await c.create(owner, '/webhooks/subscriptions', {
      url: receiver.url,
      eventTypes: ['deal.won'],
    });
    const res = await c.api(owner, 'POST', `/webhooks/subscriptions/${sub.id}/test`);
    expect(res.statusCode).toBe(202);
    const request = await waitFor(() =>
      receiver.received.find((r) => r.headers['webhook-id'] === res.json().data.eventId),
    );
    expect(JSON.parse(request.body)).toMatchObject({ type: 'webhook.test', tenantId: owner.tenantId });
  });
});
