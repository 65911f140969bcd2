import { sql } from 'drizzle-orm';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { testDbKind } from '../helpers/test-database.ts';

/**
 * A deadlock around the crew exclusion constraint (PostgreSQL only: PGlite has one connection, nothing runs
 * concurrently). Another session holds an uncommitted job in the crew's slot and then waits for the job the
 * assignment has locked: PostgreSQL aborts one of the two with 40P01. The assignment must answer 200 (the
 * other session was aborted) or 409 — never 500 — and the slot holds at most one job.
 */
let owner: BrowserSession;
let dispatcher: BrowserSession;
const t = setupApiTest();
const c = crmApi(t);
const at = (h: number) => new Date(Date.UTC(2031, 2, 3, h)).toISOString();

beforeAll(async () => {
  owner = await signUp(t.app);
  dispatcher = await addMember(t.app, t.database, owner, 'dispatch', 'Dee Spatch');
});

describe.skipIf(testDbKind() !== 'postgres')('job assignment deadlock', () => {
  it('a deadlock on the crew slot is a 409 (or the assignment wins), never a 500', async () => {
    const crew = await c.create(owner, '/crews', { name: 'Deadlock crew' });
    const job = await c.create(dispatcher, '/jobs', { title: 'Contested' });
    const side = new pg.Client({ connectionString: t.url as string });
    await side.connect();
    try {
      await side.query('begin');
      await side.query(
        `insert into jobs (id, tenant_id, title, status, crew_id, scheduled_start, scheduled_end)
         values (gen_random_uuid(), $1, 'Side job', 'dispatched', $2, $3, $4)`,
        [owner.tenantId, crew.id, at(9), at(11)],
      );
      // The assignment locks the job, then waits for the side session's uncommitted entry in the slot.
      const assign = c.api(dispatcher, 'POST', `/jobs/${job.id}/assign`, {
        crewId: crew.id,
        scheduledStart: at(10),
        scheduledEnd: at(12),
      });
      for (let i = 0; i < 100; i++) {
        const waiting = await side.query(
          `select 1 from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
        );
        if (waiting.rowCount) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      // The side session now waits for the job's row lock: a cycle, which the deadlock detector breaks.
      const sideResult = await side
        .query(`update jobs set title = 'Side touch' where id = $1`, [job.id])
        .then(
          () => 'updated',
          (e: { code?: string }) => e.code,
        );
      await side.query('rollback');
      const res = await assign;
      expect([200, 409], res.body).toContain(res.statusCode);
      if (res.statusCode === 409) expect(sideResult).toBe('updated');
      else expect(sideResult).toBe('40P01');
      const held = await dbRows<{ id: string }>(t, sql`select id from jobs where crew_id = ${crew.id}`);
      expect(held.map((r) => r.id)).toEqual(res.statusCode === 200 ? [job.id] : []);
    } finally {
      await side.end();
    }
  });
});
