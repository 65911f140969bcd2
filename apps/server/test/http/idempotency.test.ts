import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { pruneIdempotencyKeys } from '../../src/platform/http/idempotency.ts';
import { idempotencyKeys } from '../../src/platform/http/tables.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { probeRoutes } from '../helpers/probe-routes.ts';
import { waitFor } from '../helpers/wait-for.ts';

const probe = probeRoutes();

const t = setupApiTest({ plugins: [probe.plugin] });

const create = (key: string | undefined, body: unknown, url = '/api/v1/_probe') =>
  t.app.inject({
    method: 'POST',
    url,
    payload: body as object,
    headers: key ? { 'idempotency-key': key } : {},
  });

const storedKeys = async () => (await t.database.db.select().from(idempotencyKeys)).length;

describe('Idempotency-Key on POST', () => {
  it('the same key and body returns the first response and runs the handler once', async () => {
    const before = probe.calls.create;
    const first = await create('key-1', { name: 'a', amount: 1 });
    const second = await create('key-1', { name: 'a', amount: 1 });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json()).toEqual(first.json());
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(probe.calls.create).toBe(before + 1);
  });

  it('the same key with a different body → 409, nothing run', async () => {
    const before = probe.calls.create;
    const res = await create('key-1', { name: 'b', amount: 2 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('CONFLICT');
    expect(probe.calls.create).toBe(before);
  });

  it('the same key while the first request is still running → 409, the second never runs', async () => {
    probe.resetGate();
    const before = probe.held.entered;
    const first = create('held-1', {}, '/api/v1/_probe/held');
    await waitFor(() => probe.held.entered === before + 1);
    const second = await create('held-1', {}, '/api/v1/_probe/held');
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CONFLICT');
    expect(second.headers['retry-after']).toBe('1');
    expect(probe.held.entered).toBe(before + 1);
    probe.held.release();
    const done = await first;
    expect(done.statusCode).toBe(201);
    // Once the first has answered, the same key replays its response.
    const replay = await create('held-1', {}, '/api/v1/_probe/held');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json()).toEqual(done.json());
  });

  it('without a key every POST runs', async () => {
    const before = probe.calls.create;
    await create(undefined, { name: 'a', amount: 1 });
    await create(undefined, { name: 'a', amount: 1 });
    expect(probe.calls.create).toBe(before + 2);
  });

  it('a 5xx frees the key so a retry can run again', async () => {
    const before = probe.calls.create;
    expect((await create('flaky-1', {}, '/api/v1/_probe/flaky')).statusCode).toBe(500);
    expect((await create('flaky-1', {}, '/api/v1/_probe/flaky')).statusCode).toBe(500);
    expect(probe.calls.create).toBe(before + 2);
  });

  it('invalid input is rejected before the key is reserved', async () => {
    const before = await storedKeys();
    expect((await create('bad-1', { name: 1 })).statusCode).toBe(400);
    expect(await storedKeys()).toBe(before);
    expect((await create('bad-1', { name: 'fixed', amount: 1 })).statusCode).toBe(201);
  });

  it('rejects an oversize or non-ASCII key with 400 and stores nothing', async () => {
    const before = await storedKeys();
    expect((await create('k'.repeat(256), { name: 'a', amount: 1 })).statusCode).toBe(400);
    expect((await create('with space', { name: 'a', amount: 1 })).statusCode).toBe(400);
    expect(await storedKeys()).toBe(before);
  });

  it('keys are scoped to the caller: another client with the same key is not replayed', async () => {
    const before = probe.calls.create;
    const other = await t.app.inject({
      method: 'POST',
      url: '/api/v1/_probe',
      payload: { name: 'a', amount: 1 },
      headers: { 'idempotency-key': 'key-1' },
      remoteAddress: '10.1.2.3',
    });
    expect(other.statusCode).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(probe.calls.create).toBe(before + 1);
  });

  it('an expired key not yet pruned, or a reservation whose request died, is taken over (runs again)', async () => {
    expect((await create('old-1', { name: 'a', amount: 1 })).statusCode).toBe(201);
    await t.database.db
      .update(idempotencyKeys)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(sql`${idempotencyKeys.key} = 'old-1'`);
    await t.database.db.insert(idempotencyKeys).values({
      scope: 'ip:127.0.0.1',
      key: 'dead-1',
      requestHash: 'x',
      createdAt: sql`now() - interval '3 minutes'`,
      expiresAt: sql`now() + interval '1 hour'`,
    });
    const before = probe.calls.create;
    const again = await create('old-1', { name: 'b', amount: 2 });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBeUndefined();
    expect((await create('dead-1', { name: 'c', amount: 3 })).statusCode).toBe(201);
    expect(probe.calls.create).toBe(before + 2);
    // Taken over, not deleted: each key is one row, now holding the new response.
    const rows = await t.database.db
      .select()
      .from(idempotencyKeys)
      .where(sql`${idempotencyKeys.key} in ('old-1', 'dead-1')`);
    expect(rows.map((r) => r.statusCode)).toEqual([201, 201]);
    expect((await create('old-1', { name: 'b', amount: 2 })).headers['idempotent-replayed']).toBe('true');
  });

  it('expired keys are pruned (and no longer replayed)', async () => {
    await t.database.db.update(idempotencyKeys).set({ expiresAt: sql`now() - interval '1 minute'` });
    const total = await storedKeys();
    expect(await pruneIdempotencyKeys(t.database)).toBe(total);
    expect(await storedKeys()).toBe(0);
  });
});
