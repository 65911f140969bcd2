import { IDEMPOTENCY_TTL_HOURS } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/database.ts';
import { AppError } from './app-error.ts';

/**
 * An `Idempotency-Key` on a route marked `idempotency: 'in-transaction'`: the key is claimed by the first
 * statement of the service's tenant transaction and its answer stored by the last, so a create is one commit
 * (ADR 0026). A concurrent request with the same key waits on the key's row and then replays the answer.
 */
export interface IdempotentWrite {
  scope: string;
  key: string;
  requestHash: string;
  /** The route's success status, and its serializer: what is stored is exactly what the reply carries. */
  status: number;
  serialize(body: unknown): string;
  /** Set while a transaction that claimed the key is open or committed; cleared when it rolls back. */
  claimed: boolean;
  /** The serialized answer stored with the claim. */
  stored?: string;
}

/** The stored answer of an earlier request with the same key and body: sent as it was (see error-handler.ts). */
export class IdempotentReplay extends Error {
  override name = 'IdempotentReplay';
  readonly statusCode: number;
  readonly body: unknown;
  constructor(statusCode: number, body: unknown) {
    super('idempotent replay');
    this.statusCode = statusCode;
    this.body = body;
  }
}

interface Claim {
  claimed: boolean;
  request_hash: string | null;
  status_code: number | null;
  response_body: unknown;
}

/** The answer to a key someone else holds: a replay, or a 409 that says why. Shared with the pre-handler path. */
export const heldElsewhere = (prior: Omit<Claim, 'claimed'> | undefined, requestHash: string) => {
  if (!prior?.request_hash)
    return new AppError('CONFLICT', 'This Idempotency-Key is being used by another request; retry.');
  if (prior.request_hash !== requestHash)
    return new AppError('CONFLICT', 'This Idempotency-Key was already used with a different request.');
  if (prior.status_code === null) {
    const message = 'A request with this Idempotency-Key is still being processed; retry shortly.';
    return new AppError('CONFLICT', message, { headers: { 'retry-after': '1' } });
  }
  return new IdempotentReplay(prior.status_code, prior.response_body);
};

const claim = async (tx: Tx, w: IdempotentWrite) => {
  const result = await tx.execute(
    sql`select * from tessera_idempotency_claim(${w.scope}, ${w.key}, ${w.requestHash}, ${IDEMPOTENCY_TTL_HOURS})`,
  );
  const [row] = (result as unknown as { rows: Claim[] }).rows;
  if (!row?.claimed) throw heldElsewhere(row, w.requestHash);
};

const store = async (tx: Tx, w: IdempotentWrite, data: unknown) => {
  const body = w.serialize({ success: true, data });
  await tx.execute(sql`select tessera_idempotency_store(${w.scope}, ${w.key}, ${w.status}, ${body}::jsonb)`);
  return body;
};

/**
 * Runs one transaction's work under the key: claim first, store the answer last. Only the request's first
 * transaction does so; if the reply ends up different (a later transaction, another status), the response hook
 * stores what was really sent.
 */
export const underKey = async <T>(
  w: IdempotentWrite | undefined,
  run: (wrap: (tx: Tx, fn: (tx: Tx) => Promise<T>) => Promise<T>) => Promise<T>,
): Promise<T> => {
  if (!w || w.claimed) return run((tx, fn) => fn(tx));
  w.claimed = true;
  try {
    return await run(async (tx, fn) => {
      await claim(tx, w);
      const data = await fn(tx);
      w.stored = await store(tx, w, data);
      return data;
    });
  } catch (err) {
    // Rolled back (or never committed): the key is free again, nothing was stored.
    w.claimed = false;
    w.stored = undefined;
    throw err;
  }
};
