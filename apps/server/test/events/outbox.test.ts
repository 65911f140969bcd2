import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/platform/db/index.ts';
import { createEventDispatcher, emit } from '../../src/platform/events/index.ts';
import { makeTenant } from '../../src/seed/factories.ts';
import { outboxRows, probeConsumer, probeDeliveries } from '../helpers/event-probe.ts';
import { createTestDatabase, type TestDatabase, testDbKind } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

const log = pino({ level: 'silent' });
let t: TestDatabase;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestDatabase();
  a = (await makeTenant(t.database)).id;
  b = (await makeTenant(t.database)).id;
});
afterAll(() => t.drop());

const leadCreated = (tenantId: string) =>
  withTenant(t.database, tenantId, (tx) =>
    emit(tx, { tenantId }, 'lead.created', { leadId: crypto.randomUUID(), ownerId: null, status: 'new' }),
  );

const seqs = async (tenantId: string) =>
  (
    (await t.database.db.execute(
      sql`select id, seq from event_outbox where tenant_id = ${tenantId} order by seq`,
    )) as unknown as { rows: { id: string; seq: number }[] }
  ).rows.map((r) => ({ id: r.id, seq: Number(r.seq) }));

const clearOutbox = () => t.database.db.execute(sql`delete from event_outbox`);

describe('emit: the transactional outbox', () => {
  it('a rolled-back transaction emits nothing and uses no sequence number', async () => {
    await clearOutbox();
    await expect(
      withTenant(t.database, a, async (tx) => {
        await emit(tx, { tenantId: a }, 'deal.won', { dealId: crypto.randomUUID(), ownerId: null });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await outboxRows(t.database)).toEqual({ events: 0, deliveries: 0 });
    const first = await leadCreated(a);
    const second = await leadCreated(a);
    const rows = await seqs(a);
    expect(rows.map((r) => r.id)).toEqual([first, second]);
    expect(rows[1]?.seq).toBe((rows[0]?.seq ?? 0) + 1);
  });

  it('refuses a payload that does not match the catalog, and writes nothing', async () => {
    await clearOutbox();
    await expect(
      withTenant(t.database, a, (tx) =>
        // @ts-expect-error money never travels in an event payload
        emit(tx, { tenantId: a }, 'deal.won', { dealId: crypto.randomUUID(), ownerId: null, valueCents: 5 }),
      ),
    ).rejects.toThrow();
    expect((await outboxRows(t.database)).events).toBe(0);
  });

  it('the app role may only add events to its own tenant and cannot read the outbox', async () => {
    await expect(
      withTenant(t.database, a, (tx) =>
        emit(tx, { tenantId: b }, 'deal.won', { dealId: crypto.randomUUID(), ownerId: null }),
      ),
    ).rejects.toSatisfy((err: Error) => /row-level security/.test(String((err.cause as Error)?.message)));
    await leadCreated(a);
    await expect(
      withTenant(t.database, a, (tx) => tx.execute(sql`select * from event_outbox`)),
    ).rejects.toSatisfy((err: Error) => /permission denied/.test(String((err.cause as Error)?.message)));
  });

  it.skipIf(testDbKind() !== 'postgres')(
    'numbers events in commit order within a tenant, not in the order they were written',
    async () => {
      await clearOutbox();
      let release: () => void = () => {};
      const held = new Promise<void>((r) => {
        release = r;
      });
      let written: () => void = () => {};
      const firstWritten = new Promise<void>((r) => {
        written = r;
      });
      // The first transaction writes its event first but commits last.
      const slow = withTenant(t.database, a, async (tx) => {
        const id = await emit(tx, { tenantId: a }, 'lead.created', {
          leadId: crypto.randomUUID(),
          ownerId: null,
          status: 'new',
        });
        written();
        await held;
        return id;
      });
      await firstWritten;
      const fast = await leadCreated(a);
      release();
      const slowId = await slow;
      const rows = await seqs(a);
      expect(rows.map((r) => r.id)).toEqual([fast, slowId]);
    },
  );
});

describe('the dispatcher', () => {
  it('delivers every committed event to each consumer in commit order per tenant, then prunes it', async () => {
    await clearOutbox();
    const emitted: Record<string, string[]> = { [a]: [], [b]: [] };
    for (let i = 0; i < 5; i++) {
      emitted[a]?.push(await leadCreated(a));
      emitted[b]?.push(await leadCreated(b));
    }
    const dispatcher = createEventDispatcher({
      database: t.database,
      log,
      consumers: [probeConsumer('order-1'), probeConsumer('order-2')],
      listen: false,
    });
    expect(await dispatcher.drain()).toBe(10);
    for (const name of ['order-1', 'order-2']) {
      expect(await probeDeliveries(t.database, name, a)).toEqual(emitted[a]);
      expect(await probeDeliveries(t.database, name, b)).toEqual(emitted[b]);
    }
    expect(await outboxRows(t.database)).toEqual({ events: 0, deliveries: 0 });
    expect(await dispatcher.drain()).toBe(0);
  });

  it('runs each consumer in the tenant scope as the application role', async () => {
    await clearOutbox();
    const seen: unknown[] = [];
    const dispatcher = createEventDispatcher({
      database: t.database,
      log,
      listen: false,
      consumers: [
        {
          name: 'scope-probe',
          on: {
            'lead.created': async (_e, { tx }) => {
              const r = (await tx.execute(
                sql`select current_user as u, current_setting('app.tenant_id') as tid, (select count(*)::int from tenant_settings) as settings`,
              )) as unknown as { rows: unknown[] };
              seen.push(r.rows[0]);
            },
          },
        },
      ],
    });
    await leadCreated(b);
    await dispatcher.drain();
    expect(seen).toEqual([{ u: 'tessera_app', tid: b, settings: 1 }]);
    const [after] = (
      (await t.database.db.execute(sql`select current_user as u`)) as unknown as { rows: { u: string }[] }
    ).rows;
    expect(after?.u).not.toBe('tessera_app');
  });

  it('redelivers after a failure only to the consumer that failed, in order, and each consumer acts once', async () => {
    await clearOutbox();
    let failures = 1;
    const dispatcher = createEventDispatcher({
      database: t.database,
      log,
      listen: false,
      consumers: [
        probeConsumer('steady'),
        probeConsumer('flaky', () => {
          if (failures-- > 0) throw new Error('receiver down');
        }),
      ],
    });
    const first = await leadCreated(a);
    const second = await leadCreated(a);
    expect(await dispatcher.drain()).toBe(0);
    // steady has the first event; flaky failed on it, so the stream of tenant a waits (second not delivered).
    expect(await probeDeliveries(t.database, 'steady', a)).toEqual([first]);
    expect(await probeDeliveries(t.database, 'flaky', a)).toEqual([]);
    expect(await outboxRows(t.database)).toEqual({ events: 2, deliveries: 1 });
    // The retry is due (instead of waiting out the backoff).
    await t.database.db.execute(sql`update event_outbox set available_at = now()`);
    expect(await dispatcher.drain()).toBe(2);
    expect(await probeDeliveries(t.database, 'steady', a)).toEqual([first, second]);
    expect(await probeDeliveries(t.database, 'flaky', a)).toEqual([first, second]);
    expect(await outboxRows(t.database)).toEqual({ events: 0, deliveries: 0 });
  });

  it('gives up on an event after maxAttempts for that consumer, and the stream goes on', async () => {
    await clearOutbox();
    const dispatcher = createEventDispatcher({
      database: t.database,
      log,
      listen: false,
      maxAttempts: 2,
      consumers: [
        probeConsumer('poisoned', (e) => {
          if (e.id === poison) throw new Error('cannot handle this one');
        }),
      ],
    });
    const poison = await leadCreated(b);
    const next = await leadCreated(b);
    expect(await dispatcher.drain()).toBe(0);
    await t.database.db.execute(sql`update event_outbox set available_at = now()`);
    expect(await dispatcher.drain()).toBe(2);
    expect(await probeDeliveries(t.database, 'poisoned', b)).toEqual([next]);
    expect(await outboxRows(t.database)).toEqual({ events: 0, deliveries: 0 });
  });

  it('wakes up on NOTIFY when an event is committed (polling alone would wait a minute)', async () => {
    await clearOutbox();
    const dispatcher = createEventDispatcher({
      database: t.database,
      log,
      pollIntervalMs: 60_000,
      consumers: [probeConsumer('live')],
    });
    await dispatcher.start();
    try {
      await waitFor(async () => (await outboxRows(t.database)).events === 0);
      const id = await leadCreated(a);
      await waitFor(async () => (await probeDeliveries(t.database, 'live', a)).includes(id));
    } finally {
      await dispatcher.stop();
    }
  });

  it.skipIf(testDbKind() !== 'postgres')(
    'listens again after its LISTEN connection is killed, and catches up on what was committed meanwhile',
    async () => {
      await clearOutbox();
      const dispatcher = createEventDispatcher({
        database: t.database,
        log,
        pollIntervalMs: 60_000,
        consumers: [probeConsumer('relisten')],
      });
      await dispatcher.start();
      try {
        const listeners = () =>
          t.database.db.execute(
            sql`select pg_terminate_backend(pid) as killed from pg_stat_activity
                where datname = current_database() and application_name = 'tessera-listener'`,
          ) as unknown as Promise<{ rows: { killed: boolean }[] }>;
        expect((await listeners()).rows).toEqual([{ killed: true }]);
        const id = await leadCreated(a);
        await waitFor(async () => (await probeDeliveries(t.database, 'relisten', a)).includes(id));
      } finally {
        await dispatcher.stop();
      }
    },
  );

  it('two dispatchers on the same database deliver each event once per consumer, in order', async () => {
    await clearOutbox();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) ids.push(await leadCreated(a));
    const make = () =>
      createEventDispatcher({
        database: t.database,
        log,
        listen: false,
        batchSize: 3,
        consumers: [probeConsumer('pair')],
      });
    const [one, two] = [make(), make()];
    await Promise.all([one.drain(), two.drain(), one.drain()]);
    await one.drain();
    expect(await probeDeliveries(t.database, 'pair', a)).toEqual(ids);
  });
});
