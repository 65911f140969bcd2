import type { EventType } from '@tessera/contracts';
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Database } from '../db/database.ts';
import type { DispatchedEvent, EventConsumer } from './consumer.ts';
import { createDeliveries, type DispatchObserver, toEvent } from './deliveries.ts';
import { listenForEvents } from './listener.ts';
import { eventDeliveries, eventOutbox } from './tables.ts';
import { createWakeLoop } from './wake-loop.ts';

/** Advisory-lock class of a tenant's event stream (second key: hash of the tenant id). */
const STREAM_LOCK_CLASS = 73_615;

export type { DispatchObserver };

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
  const { deliverBatch, deliverOneByOne } = createDeliveries({ log, observer, maxAttempts, consumersFor });

  const dueTenants = async (): Promise<string[]> => {
    const result = await database.db.execute(sql`
      select tenant_id from (
        select distinct on (tenant_id) tenant_id, available_at, committed_at
        from event_outbox where seq is not null order by tenant_id, seq
      ) heads
      where available_at <= now() order by committed_at limit 50`);
    return (result as unknown as { rows: { tenant_id: string }[] }).rows.map((r) => r.tenant_id);
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
      // Delivery records exist only for events a consumer failed on (attempts > 0).
      const retried = rows.filter((r) => r.row.attempts > 0).map((r) => r.row.id);
      const had =
        retried.length === 0
          ? []
          : await tx
              .select({ eventId: eventDeliveries.eventId, consumer: eventDeliveries.consumer })
              .from(eventDeliveries)
              .where(and(eq(eventDeliveries.tenantId, tenantId), inArray(eventDeliveries.eventId, retried)));
      const has = new Set(had.map((d) => `${d.eventId}/${d.consumer}`));
      const firstNotDue = rows.findIndex((r) => !r.due);
      const due = (firstNotDue === -1 ? rows : rows.slice(0, firstNotDue)).map((r) => toEvent(r.row));
      const batch = due.length > 0 ? await deliverBatch(tx, due, has, after) : { failed: '' };
      const completed =
        batch.failed === undefined ? due : await deliverOneByOne(tx, rows, has, after, batch.failed);
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

  const loop = createWakeLoop(drain, pollIntervalMs, log);
  let started = false;
  let unlisten: (() => Promise<void>) | undefined;

  return {
    drain,
    wake: loop.wake,
    start: async () => {
      if (started) return;
      started = true;
      if (options.listen !== false) unlisten = await listenForEvents(database, loop.wake, log);
      loop.start();
    },
    stop: async () => {
      if (!started) return;
      started = false;
      await loop.stop();
      await unlisten?.();
      await chain.catch(() => {});
    },
  };
};
