import type { EventType } from '@tessera/contracts';
import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Tx } from '../db/database.ts';
import { enterScope } from '../db/tenant-tx.ts';
import type { ConsumerContext, DispatchedEvent, EventConsumer } from './consumer.ts';
import { eventDeliveries, eventOutbox } from './tables.ts';

/** Hooks for metrics; every one is optional and must not throw. */
export interface DispatchObserver {
  delivered?(event: DispatchedEvent, consumer: string, seconds: number): void;
  /** Every consumer has the event (it is pruned); `lagSeconds`: from commit to now. */
  completed?(event: DispatchedEvent, lagSeconds: number): void;
  failed?(event: DispatchedEvent, consumer: string): void;
  dead?(event: DispatchedEvent, consumer: string): void;
}

export type OutboxRow = typeof eventOutbox.$inferSelect;

export const toEvent = (row: OutboxRow): DispatchedEvent =>
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

export interface DeliveryOptions {
  log: Logger;
  observer: DispatchObserver;
  maxAttempts: number;
  consumersFor(type: string): EventConsumer[];
}

/** How a tenant's batch of committed events reaches the consumers (inside the dispatcher's transaction). */
export const createDeliveries = ({ log, observer, maxAttempts, consumersFor }: DeliveryOptions) => {
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

  /**
   * The fast path: every due event of the batch to every consumer in one savepoint, the tenant scope entered
   * once. No delivery records: the events are deleted in this same transaction, so they can never be
   * redelivered. When a consumer throws, everything is rolled back and the failed delivery (`event/consumer`)
   * is returned: the slow path then redoes the batch one delivery at a time and counts that one as failed
   * without calling the consumer again (one call per attempt, as the backoff schedule expects).
   */
  const deliverBatch = async (tx: Tx, due: DispatchedEvent[], has: Set<string>, after: (() => void)[]) => {
    const pending: (() => void)[] = [];
    const timings: [DispatchedEvent, string, number][] = [];
    let current = '';
    try {
      await tx.transaction(async (sp) => {
        await enterScope(sp, { tenantId: due[0]?.tenantId });
        for (const event of due)
          for (const consumer of consumersFor(event.type)) {
            if (has.has(`${event.id}/${consumer.name}`)) continue;
            const handler = consumer.on[event.type] as (
              e: DispatchedEvent,
              ctx: ConsumerContext,
            ) => Promise<void>;
            const started = performance.now();
            current = `${event.id}/${consumer.name}`;
            await handler(event, {
              tx: sp,
              log: log.child({ consumer: consumer.name, eventId: event.id }),
              afterCommit: (fn) => pending.push(fn),
            });
            timings.push([event, consumer.name, (performance.now() - started) / 1000]);
          }
        await resetScope(sp);
      });
    } catch (err) {
      log.warn({ err, delivery: current }, 'event delivery failed');
      return { failed: current };
    }
    after.push(...pending);
    for (const [event, consumer, seconds] of timings) observer.delivered?.(event, consumer, seconds);
    return { failed: undefined };
  };

  /** The slow path: one savepoint and delivery record per delivery, so a failing consumer holds only its own. */
  const deliverOneByOne = async (
    tx: Tx,
    rows: { row: OutboxRow; due: boolean }[],
    has: Set<string>,
    after: (() => void)[],
    /** The delivery that already failed in the fast path (`event/consumer`): counted, not called again. */
    failed: string,
  ) => {
    const completed: DispatchedEvent[] = [];
    stream: for (const { row, due } of rows) {
      if (!due) break;
      const event = toEvent(row);
      for (const consumer of consumersFor(event.type)) {
        const key = `${event.id}/${consumer.name}`;
        if (has.has(key)) continue;
        if (key !== failed && (await deliver(tx, consumer, event, after))) continue;
        if (await recordFailure(tx, row, consumer.name, event)) break stream;
      }
      completed.push(event);
    }
    return completed;
  };

  return { deliverBatch, deliverOneByOne };
};
