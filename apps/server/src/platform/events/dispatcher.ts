import type { EventType } from '@tessera/contracts';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database, Tx } from '../db/database.ts';
import { enterScope } from '../db/tenant-tx.ts';
import type { ConsumerContext, DispatchedEvent, EventConsumer } from './consumer.ts';
import { listenForEvents } from './listener.ts';
import { eventDeliveries, eventOutbox } from './tables.ts';

/** Advisory-lock class of a tenant's event stream (second key: hash of the tenant id). */
const STREAM_LOCK_CLASS = 73_615;

/** Hooks for metrics; every one is optional and must not throw. */
export interface DispatchObserver {
  delivered?(event: DispatchedEvent, consumer: string, seconds: number): void;
  /** Every consumer has the event (it is pruned); `lagSeconds`: from commit to now. */
  completed?(event: DispatchedEvent, lagSeconds: number): void;
  failed?(event: DispatchedEvent, consumer: string): void;
  dead?(event: DispatchedEvent, consumer: string): void;
}

export interface DispatcherOptions {
  database: Database;
  log: Logger;
  consumers: readonly EventConsumer[];
  /** Polling fallback: look for committed events at least this often (ms). */
  pollIntervalMs?: number;
  /** Events per tenant per transaction. */
  batchSize?: number;
  /**
   * Tenants dispatched at the same time, each in its own transaction (a tenant's stream stays in order under its
   * lock). Default 4 on PostgreSQL, 1 on PGlite (one connection).
   */
  concurrency?: number;
  /** Failed deliveries of one event before a consumer gives up on it (logged as dead). */
  maxAttempts?: number;
  /** Wake up on LISTEN/NOTIFY (default true); without it only polling. */
  listen?: boolean;
  observer?: DispatchObserver;
}

export interface EventDispatcher {
  /** Starts listening and the dispatch loop. */
  start(): Promise<void>;
  /** Stops the loop after the current transaction and stops listening. */
  stop(): Promise<void>;
  /** Delivers every deliverable event now; resolves with how many were completed (tests, tools). */
  drain(): Promise<number>;
  /** Asks the loop to look for events now. */
  wake(): void;
}

type OutboxRow = typeof eventOutbox.$inferSelect;

const toEvent = (row: OutboxRow): DispatchedEvent =>
  ({
    id: row.id,
    tenantId: row.tenantId,
    seq: row.seq as number,
    type: row.type as EventType,
    payload: row.payload,
    actorUserId: row.actorUserId,
    actorApiKeyId: row.actorApiKeyId,
    requestId: row.requestId,
    createdAt: row.createdAt,
    committedAt: row.committedAt ?? row.createdAt,
  }) as DispatchedEvent;

/** Seconds to wait before the next attempt: 1, 2, 4 … capped at 5 minutes. */
const backoffSeconds = (attempts: number) => Math.min(2 ** Math.max(0, attempts - 1), 300);

const resetScope = (tx: Tx) =>
  tx.execute(sql`select set_config('role', 'none', true), set_config('app.tenant_id', '', true)`);

/**
 * The outbox dispatcher. Tenants whose oldest committed event is due are handled one transaction each, under a
 * per-tenant advisory lock (several processes may dispatch; a tenant's stream is handled by one at a time, in
 * `seq` = commit order). Each event goes to each consumer that handles its type, in a savepoint together with
 * that consumer's delivery record; a failure rolls back only that delivery, stops the tenant's stream (order)
 * and retries it with backoff; after `maxAttempts` the consumer gives up on that event (dead, logged). Events
 * every consumer has are deleted in the same transaction. A crash at any point leaves the event in the outbox,
 * so it is delivered after the restart (at least once; consumers that recorded it are skipped).
 */
export const createEventDispatcher = (options: DispatcherOptions): EventDispatcher => {
  const { database, consumers, observer = {} } = options;
  const log = options.log.child({ component: 'events' });
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const batchSize = options.batchSize ?? 100;
  const concurrency = Math.max(1, options.concurrency ?? (database.kind === 'postgres' ? 4 : 1));
  const maxAttempts = options.maxAttempts ?? 10;
  const names = new Set<string>();
  for (const c of consumers) {
    if (names.has(c.name)) throw new Error(`Two event consumers are named "${c.name}"`);
    names.add(c.name);
  }
  const consumersFor = (type: string) => consumers.filter((c) => c.on[type as EventType]);

  const dueTenants = async (): Promise<string[]> => {
    const result = await database.db.execute(sql`
      select tenant_id from (
        select distinct on (tenant_id) tenant_id, available_at, committed_at
        from event_outbox where seq is not null order by tenant_id, seq
      ) heads
      where available_at <= now() order by committed_at limit 50`);
    return (result as unknown as { rows: { tenant_id: string }[] }).rows.map((r) => r.tenant_id);
  };

  /** Delivers one event to one consumer in a savepoint; false when the consumer threw. */
  const deliver = async (tx: Tx, consumer: EventConsumer, event: DispatchedEvent, after: (() => void)[]) => {
    const handler = consumer.on[event.type] as (e: DispatchedEvent, ctx: ConsumerContext) => Promise<void>;
    const started = performance.now();
    const pending: (() => void)[] = [];
    try {
      await tx.transaction(async (sp) => {
        await sp.insert(eventDeliveries).values({
          tenantId: event.tenantId,
          eventId: event.id,
          consumer: consumer.name,
          status: 'delivered',
        });
        await enterScope(sp, { tenantId: event.tenantId });
        await handler(event, {
          tx: sp,
          log: log.child({ consumer: consumer.name, eventId: event.id }),
          afterCommit: (fn) => pending.push(fn),
        });
      });
      after.push(...pending);
      observer.delivered?.(event, consumer.name, (performance.now() - started) / 1000);
      return true;
    } catch (err) {
      log.warn(
        { err, consumer: consumer.name, eventId: event.id, type: event.type },
        'event delivery failed',
      );
      return false;
    } finally {
      await resetScope(tx);
    }
  };

  /** Records a failed delivery; true when the stream must wait (retry later), false when the consumer gave up. */
  const recordFailure = async (tx: Tx, row: OutboxRow, consumer: string, event: DispatchedEvent) => {
    const attempts = row.attempts + 1;
    row.attempts = attempts;
    if (attempts >= maxAttempts) {
      await tx
        .insert(eventDeliveries)
        .values({ tenantId: row.tenantId, eventId: row.id, consumer, status: 'dead' });
      log.error({ consumer, eventId: row.id, type: row.type, attempts }, 'event delivery given up (dead)');
      observer.dead?.(event, consumer);
      return false;
    }
    await tx
      .update(eventOutbox)
      .set({
        attempts,
        lastError: `${consumer} failed`,
        availableAt: sql`now() + make_interval(secs => ${backoffSeconds(attempts)})`,
      })
      .where(eq(eventOutbox.id, row.id));
    observer.failed?.(event, consumer);
    return true;
  };

  /** Handles one tenant's due events; returns the completed ones (none when another process holds the stream). */
  const dispatchTenant = async (tenantId: string): Promise<DispatchedEvent[]> => {
    const after: (() => void)[] = [];
    const completed = await dispatchTenantTx(tenantId, after);
    for (const fn of after) {
      try {
        fn();
      } catch (err) {
        log.warn({ err }, 'after-commit effect of an event consumer failed');
      }
    }
    return completed;
  };

  const dispatchTenantTx = (tenantId: string, after: (() => void)[]): Promise<DispatchedEvent[]> =>
    database.db.transaction(async (tx) => {
      const locked = (await tx.execute(
        sql`select pg_try_advisory_xact_lock(${STREAM_LOCK_CLASS}, hashtext(${tenantId})) as ok`,
      )) as unknown as { rows: { ok: boolean }[] };
      if (!locked.rows[0]?.ok) return [];
      const rows = await tx
        .select({ row: eventOutbox, due: sql<boolean>`${eventOutbox.availableAt} <= now()` })
        .from(eventOutbox)
        .where(and(eq(eventOutbox.tenantId, tenantId), isNotNull(eventOutbox.seq)))
        .orderBy(asc(eventOutbox.seq))
        .limit(batchSize);
      if (rows.length === 0) return [];
      const had = await tx
        .select({ eventId: eventDeliveries.eventId, consumer: eventDeliveries.consumer })
        .from(eventDeliveries)
        .where(
          and(
            eq(eventDeliveries.tenantId, tenantId),
            inArray(
              eventDeliveries.eventId,
              rows.map((r) => r.row.id),
            ),
          ),
        );
      const has = new Set(had.map((d) => `${d.eventId}/${d.consumer}`));
      const completed: DispatchedEvent[] = [];
      stream: for (const { row, due } of rows) {
        if (!due) break;
        const event = toEvent(row);
        for (const consumer of consumersFor(event.type)) {
          if (has.has(`${event.id}/${consumer.name}`)) continue;
          if (await deliver(tx, consumer, event, after)) continue;
          if (await recordFailure(tx, row, consumer.name, event)) break stream;
        }
        completed.push(event);
      }
      if (completed.length > 0) {
        await tx.delete(eventOutbox).where(
          inArray(
            eventOutbox.id,
            completed.map((e) => e.id),
          ),
        );
      }
      return completed;
    });

  const runUntilIdle = async () => {
    let total = 0;
    for (;;) {
      const tenants = await dueTenants();
      let progressed = 0;
      let next = 0;
      const worker = async () => {
        while (next < tenants.length) {
          const completed = await dispatchTenant(tenants[next++] as string);
          if (completed.length === 0) continue;
          progressed += completed.length;
          const now = Date.now();
          for (const event of completed)
            observer.completed?.(event, (now - event.committedAt.getTime()) / 1000);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, tenants.length) }, worker));
      total += progressed;
      if (progressed === 0) return total;
    }
  };

  let chain: Promise<unknown> = Promise.resolve();
  const drain = (): Promise<number> => {
    const next = chain.catch(() => {}).then(runUntilIdle);
    chain = next;
    return next;
  };

  let running = false;
  let woken = false;
  let interrupt: (() => void) | undefined;
  let loop: Promise<void> | undefined;
  let unlisten: (() => Promise<void>) | undefined;

  const wake = () => {
    woken = true;
    interrupt?.();
  };
  const pause = () =>
    new Promise<void>((resolve) => {
      if (woken || !running) return resolve();
      const timer = setTimeout(resolve, pollIntervalMs);
      interrupt = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      interrupt = undefined;
    });

  const run = async () => {
    while (running) {
      woken = false;
      try {
        await drain();
      } catch (err) {
        log.error({ err }, 'event dispatch failed: retrying');
      }
      await pause();
    }
  };

  return {
    drain,
    wake,
    start: async () => {
      if (running) return;
      running = true;
      if (options.listen !== false) unlisten = await listenForEvents(database, wake, log);
      loop = run();
    },
    stop: async () => {
      if (!running) return;
      running = false;
      interrupt?.();
      await loop;
      await unlisten?.();
      await chain.catch(() => {});
    },
  };
};
