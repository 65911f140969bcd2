import { createHash } from 'node:crypto';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_TTL_HOURS,
} from '@tessera/contracts';
import { and, eq, lt, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import '../access/principal.ts';
import type { Database, Db } from '../db/database.ts';
import { AppError } from './app-error.ts';
import { heldElsewhere, type IdempotentWrite } from './idempotent-write.ts';
import { idempotencyKeys } from './tables.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * POST routes honour `Idempotency-Key` unless they opt out (e.g. login, whose response sets cookies).
     * `'in-transaction'`: the key is claimed and answered inside the service's tenant transaction (one commit).
     */
    idempotency?: boolean | 'in-transaction';
  }
  interface FastifyRequest {
    idempotency?: { scope: string; key: string; write?: IdempotentWrite };
  }
}

/** A first request that has not answered after this long is presumed dead; its key may be taken over. */
const ABANDONED_AFTER = sql`now() - interval '2 minutes'`;
const KEY_FORMAT = /^[\x21-\x7e]+$/;

const scopeOf = (req: FastifyRequest) => {
  const auth = req.auth;
  if (!auth) return `ip:${req.ip}`;
  return `t:${auth.tenantId}:${auth.apiKeyId ? `k:${auth.apiKeyId}` : `u:${auth.userId}`}`;
};

const hashOf = (req: FastifyRequest) =>
  createHash('sha256')
    .update(`${req.method} ${req.url}\n${JSON.stringify(req.body ?? null)}`)
    .digest('hex');

const readKey = (req: FastifyRequest): string | undefined => {
  const key = req.headers[IDEMPOTENCY_KEY_HEADER];
  if (key === undefined) return undefined;
  if (typeof key !== 'string' || key.length > IDEMPOTENCY_KEY_MAX_LENGTH || !KEY_FORMAT.test(key)) {
    throw new AppError(
      'VALIDATION_ERROR',
      `Idempotency-Key must be 1–${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters`,
    );
  }
  return key;
};

interface Reservation {
  reserved: boolean;
  request_hash: string | null;
  status_code: number | null;
  response_body: unknown;
}

/**
 * One round trip: reserve the key — taking over an expired key or a reservation whose request died, so
 * expired keys need no delete on the request path (the prune job removes them) — or else return the row
 * that holds it (as of this statement's snapshot; none if a concurrent request has just taken it).
 */
const reserve = async (db: Db, scope: string, key: string, requestHash: string): Promise<Reservation[]> => {
  const result = await db.execute(sql`
    with reserved as (
      insert into idempotency_keys (scope, key, request_hash, expires_at)
      values (${scope}, ${key}, ${requestHash}, now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS}))
      on conflict (scope, key) do update
        set request_hash = excluded.request_hash, status_code = null, response_body = null,
            created_at = now(), expires_at = excluded.expires_at
        where idempotency_keys.expires_at < now()
           or (idempotency_keys.status_code is null and idempotency_keys.created_at < ${ABANDONED_AFTER})
      returning 1
    )
    select exists (select 1 from reserved) as reserved, k.request_hash, k.status_code, k.response_body
    from (select 1) as one
    left join idempotency_keys k on k.scope = ${scope} and k.key = ${key}`);
  return (result as unknown as { rows: Reservation[] }).rows;
};

/**
 * `Idempotency-Key` on POST: the first request reserves the key, its response (status < 500) is stored for
 * 24 h and replayed to any retry with the same key and body (header `Idempotent-Replayed: true`). The same
 * key with a different body, or while the first request is still running, is a 409. A 5xx frees the key.
 */
export const registerIdempotency = (app: FastifyInstance, database: Database) => {
  const { db } = database;
  // What this process could not write while the database was away (a crash mid-request): keys to free (no
  // work was committed) and answers to store (the work was committed and acknowledged). Settled by the next
  // request with the key, before it reserves.
  const unfreed = new Set<string>();
  const unstored = new Map<string, { statusCode: number; body: unknown }>();
  const keyWhere = (scope: string, key: string) =>
    and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));

  const settle = async (scope: string, key: string) => {
    const pending = `${scope}\n${key}`;
    const answer = unstored.get(pending);
    if (answer) {
      await db
        .update(idempotencyKeys)
        .set({ statusCode: answer.statusCode, responseBody: answer.body })
        .where(keyWhere(scope, key));
      unstored.delete(pending);
    }
    if (unfreed.has(pending)) {
      await db
        .delete(idempotencyKeys)
        .where(and(keyWhere(scope, key), sql`${idempotencyKeys.statusCode} is null`));
      // Forgotten only once the write went through: a retry while the database is still away keeps it.
      unfreed.delete(pending);
    }
  };

  app.addHook('preHandler', async (req) => {
    if (req.method !== 'POST' || req.routeOptions.config.idempotency === false) return;
    const key = readKey(req);
    if (!key) return;
    const scope = scopeOf(req);
    const requestHash = hashOf(req);
    await settle(scope, key);
    if (req.routeOptions.config.idempotency === 'in-transaction' && req.auth) {
      req.idempotency = { scope, key, write: inTransaction(req, scope, key, requestHash) };
      return;
    }
    const [prior] = await reserve(db, scope, key, requestHash).catch((err: unknown) => {
      // The reservation may have committed before the connection broke: free it once the database is back.
      unfreed.add(`${scope}\n${key}`);
      throw err;
    });
    if (prior?.reserved) {
      req.idempotency = { scope, key };
      return;
    }
    // A replay or a 409: the error handler sends either (one place sends stored answers).
    throw heldElsewhere(prior, requestHash);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const held = req.idempotency;
    if (!held) return payload;
    req.idempotency = undefined;
    // Claimed in the service's transaction: done if it stored exactly this answer; nothing to do if no
    // transaction claimed the key (a replay, an error before any work); else store what was really sent.
    const w = held.write;
    if (w && (!w.claimed || (w.stored === payload && reply.statusCode === w.status))) return payload;
    const pending = `${held.scope}\n${held.key}`;
    const where = keyWhere(held.scope, held.key);
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await db
        .delete(idempotencyKeys)
        .where(where)
        .catch((err: Error) => {
          // The database is away (the 503 being sent): remember to free the key when it is back.
          unfreed.add(pending);
          req.log.warn({ err: err.message }, 'idempotency key not freed yet');
        });
      return payload;
    }
    const body: unknown = JSON.parse(payload);
    await db
      .update(idempotencyKeys)
      .set({ statusCode: reply.statusCode, responseBody: body })
      .where(where)
      .catch((err: Error) => {
        // The work committed: the caller gets its answer, and a retry gets it replayed once it is stored.
        unstored.set(pending, { statusCode: reply.statusCode, body });
        req.log.warn({ err: err.message }, 'idempotent response not stored yet');
      });
    return payload;
  });
};

/** The in-transaction key of a request: its route's success status and serializer (see idempotent-write.ts). */
const inTransaction = (
  req: FastifyRequest,
  scope: string,
  key: string,
  requestHash: string,
): IdempotentWrite => {
  const responses = (req.routeOptions.schema?.response ?? {}) as Record<string, z.ZodType>;
  const status = Number(Object.keys(responses).find((code) => code.startsWith('2')) ?? 200);
  const schema = responses[status];
  return {
    scope,
    key,
    requestHash,
    status,
    serialize: (body) => JSON.stringify(schema ? z.encode(schema, body) : body),
    claimed: false,
  };
};

/** Deletes expired keys; run by the `platform.prune-idempotency-keys` job. */
export const pruneIdempotencyKeys = async (database: Database): Promise<number> => {
  const deleted = await database.db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, sql`now()`))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
};
