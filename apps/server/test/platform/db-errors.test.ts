import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isExclusionDeadlock, isExclusionViolation } from '../../src/platform/db/index.ts';
import { createTestDatabase, type TestDatabase, testDbKind } from '../helpers/test-database.ts';

/**
 * A real deadlock inside an exclusion-constraint check: two transactions each insert a row, then each inserts a
 * second row overlapping the other's first one. Both wait for the other's transaction; PostgreSQL aborts one
 * (SQLSTATE 40P01), the other goes on. This is what concurrent bookings of one slot can run into.
 */
describe.skipIf(testDbKind() !== 'postgres')('exclusion constraint deadlock (PostgreSQL)', () => {
  let db: TestDatabase;
  const clients: pg.Client[] = [];

  beforeAll(async () => {
    db = await createTestDatabase({ poolMax: 1 });
    for (let i = 0; i < 2; i++) {
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      clients.push(client);
    }
    await clients[0]?.query(
      `create table probe_slots (id int primary key, during tstzrange not null,
         constraint probe_slots_no_overlap exclude using gist (during with &&))`,
    );
    await clients[0]?.query(`set deadlock_timeout = '100ms'`);
    await clients[1]?.query(`set deadlock_timeout = '100ms'`);
  });

  afterAll(async () => {
    for (const client of clients) await client.end().catch(() => {});
    await db?.drop();
  });

  const range = (hour: number) =>
    `tstzrange('2030-01-01 ${String(hour).padStart(2, '0')}:00Z', '2030-01-01 ${String(hour + 1).padStart(2, '0')}:00Z')`;

  it('is recognised as an exclusion deadlock of that relation, and one transaction still wins', async () => {
    const [a, b] = clients as [pg.Client, pg.Client];
    await a.query('begin');
    await b.query('begin');
    await a.query(`insert into probe_slots values (1, ${range(9)})`);
    await b.query(`insert into probe_slots values (2, ${range(11)})`);
    // Each now overlaps the other's uncommitted row: a waits for b, b waits for a.
    const results = await Promise.allSettled([
      a.query(`insert into probe_slots values (3, ${range(11)})`),
      b.query(`insert into probe_slots values (4, ${range(9)})`),
    ]);
    const failed = results.filter((r) => r.status === 'rejected');
    expect(failed).toHaveLength(1);
    const err = (failed[0] as PromiseRejectedResult).reason;
    expect(err.code).toBe('40P01');
    expect(isExclusionDeadlock(err, 'probe_slots')).toBe(true);
    // Wrapped the way Drizzle wraps driver errors.
    expect(isExclusionDeadlock(new Error('Failed query', { cause: err }), 'probe_slots')).toBe(true);
    expect(isExclusionDeadlock(err, 'appointments')).toBe(false);
    expect(isExclusionViolation(err, 'probe_slots_no_overlap')).toBe(false);
    await a.query('rollback');
    await b.query('rollback');
  });

  it('a plain exclusion violation is not a deadlock', async () => {
    const [a] = clients as [pg.Client, pg.Client];
    await a.query(`insert into probe_slots values (10, ${range(14)})`);
    const err = await a.query(`insert into probe_slots values (11, ${range(14)})`).catch((e: unknown) => e);
    expect(isExclusionViolation(err, 'probe_slots_no_overlap')).toBe(true);
    expect(isExclusionDeadlock(err, 'probe_slots')).toBe(false);
  });
});
