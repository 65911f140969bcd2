import { createHash } from 'node:crypto';
import {
  IDEMPOTENCY_KEY_HEADER,
  IDEMPOTENCY_KEY_MAX_LENGTH,
  IDEMPOTENCY_TTL_HOURS,
} from '@tessera/contracts';
import { and, eq, lt, or, sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import '../access/principal.ts';
import type { Database } from '../db/database.ts';
import { AppError } from './app-error.ts';
import { idempotencyKeys } from './tables.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** POST routes honour `Idempotency-Key` unless they opt out (e.g. login, whose response sets cookies). */
    idempotency?: boolean;
  }
  interface FastifyRequest {
    idempotency?: { scope: string; key: string };
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

/**
 * `Idempotency-Key` on POST: the first request reserves the key, its response (status < 500) is stored for
 * 24 h and replayed to any retry with the same key and body (header `Idempotent-Replayed: true`). The same
 * key with a different body, or while the first request is still running, is a 409. A 5xx frees the key.
 */
export const registerIdempotency = (app: FastifyInstance, database: Database) => {
  const { db } = database;
  const unfreed = new Set<string>();
  app.addHook('preHandler', async (req, reply) => {
    if (req.method !== 'POST' || req.routeOptions.config.idempotency === false) return;
    const key = readKey(req);
    if (!key) return;
    const scope = scopeOf(req);
    const requestHash = hashOf(req);
    const where = and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key));
    // A key whose request failed while the database was away could not be freed then: free it now.
    if (unfreed.delete(`${scope}\n${key}`))
      await db.delete(idempotencyKeys).where(and(where, sql`${idempotencyKeys.statusCode} is null`));
    // Expired keys, and reservations whose request died, no longer block the key.
    await db
      .delete(idempotencyKeys)
      .where(
        and(
          where,
          or(
            lt(idempotencyKeys.expiresAt, sql`now()`),
            and(sql`${idempotencyKeys.statusCode} is null`, lt(idempotencyKeys.createdAt, ABANDONED_AFTER)),
          ),
        ),
      );
    const reserved = await db
      .insert(idempotencyKeys)
      .values({
        scope,
        key,
        requestHash,
        expiresAt: sql`now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`,
      })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (reserved.length > 0) {
      req.idempotency = { scope, key };
      return;
    }
    const [prior] = await db.select().from(idempotencyKeys).where(where);
    if (!prior)
      throw new AppError('CONFLICT', 'This Idempotency-Key is being used by another request; retry.');
    if (prior.requestHash !== requestHash) {
      throw new AppError('CONFLICT', 'This Idempotency-Key was already used with a different request.');
    }
    if (prior.statusCode === null) {
      throw new AppError(
        'CONFLICT',
        'A request with this Idempotency-Key is still being processed; retry shortly.',
        {
          headers: { 'retry-after': '1' },
        },
      );
    }
    return reply.code(prior.statusCode).header('idempotent-replayed', 'true').send(prior.responseBody);
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const held = req.idempotency;
    if (!held) return payload;
    req.idempotency = undefined;
    const where = and(eq(idempotencyKeys.scope, held.scope), eq(idempotencyKeys.key, held.key));
    if (reply.statusCode >= 500 || typeof payload !== 'string') {
      await db
        .delete(idempotencyKeys)
        .where(where)
        .catch((err: Error) => {
          // The database is away (the 503 being sent): remember to free the key when it is back.
          unfreed.add(`${held.scope}\n${held.key}`);
          req.log.warn({ err: err.message }, 'idempotency key not freed yet');
        });
      return payload;
    }
    await db
      .update(idempotencyKeys)
      .set({ statusCode: reply.statusCode, responseBody: JSON.parse(payload) })
      .where(where);
    return payload;
  });
};

/** Deletes expired keys; run by the `platform.prune-idempotency-keys` job. */
export const pruneIdempotencyKeys = async (database: Database): Promise<number> => {
  const deleted = await database.db
    .delete(idempotencyKeys)
    .where(lt(idempotencyKeys.expiresAt, sql`now()`))
    .returning({ key: idempotencyKeys.key });
  return deleted.length;
};
