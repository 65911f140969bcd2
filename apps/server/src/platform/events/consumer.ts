import type { EventPayload, EventType } from '@tessera/contracts';
import type { Logger } from 'pino';
import type { Tx } from '../db/database.ts';

/** A committed event as the dispatcher hands it to consumers. */
export interface DispatchedEvent<T extends EventType = EventType> {
  id: string;
  tenantId: string;
  /** Commit order within the tenant (1, 2, 3 … without gaps). */
  seq: number;
  type: T;
  payload: EventPayload<T>;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  requestId: string | null;
  createdAt: Date;
  committedAt: Date;
}

export interface ConsumerContext {
  /**
   * The delivery's transaction, already scoped to the event's tenant as the application role (RLS applies).
   * Do every database write of the consumer here: it commits together with the delivery record, so a
   * redelivered event never repeats it. Never use `database.db` inside a handler (on PGlite it would wait for
   * this very transaction forever).
   */
  tx: Tx;
  log: Logger;
  /**
   * Runs `fn` once the delivery's transaction has committed (skipped when it rolls back): for effects outside
   * the database that must not run before the consumers' rows are visible (a socket message).
   */
  afterCommit(fn: () => void): void;
}

type Handlers = {
  [T in EventType]?: (event: DispatchedEvent<T>, ctx: ConsumerContext) => Promise<void>;
};

/**
 * Something that reacts to committed events (notifications, sockets, webhooks, jobs). Each consumer gets each
 * event of the types it handles at least once, in commit order per tenant, and at most once per successful
 * delivery record: a consumer that already has an event (by id) is skipped when the event is redelivered.
 * Effects outside the database (a socket message) may repeat after a crash; they must be harmless to repeat.
 */
export interface EventConsumer {
  /** Stable name: delivery records are kept per consumer name. */
  name: string;
  on: Handlers;
}

/** Typed helper so each consumer file reads `export const x = defineConsumer({...})`. */
export const defineConsumer = (consumer: EventConsumer): EventConsumer => consumer;
