import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/platform/db/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';

// A record create (the kit's POST route) claims its Idempotency-Key and stores its answer inside the service's
// own transaction (ADR 0026): one commit, and a concurrent retry waits for the first and replays it.
const t = setupApiTest();
const { api } = crmApi(t);
let owner: BrowserSession;
let other: BrowserSession;

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
});

const leadCount = async (tenantId: string, lastName: string) =>
  (
    await dbRows<{ n: number }>(
      t,
      sql`select count(*)::int as n from leads where tenant_id = ${tenantId} and last_name = ${lastName}`,
    )
  )[0]?.n;

/** POST a lead with an Idempotency-Key. */
const createLead = (as: BrowserSession, body: object, key: string) =>
  api(as, 'POST', '/leads', body, { 'idempotency-key': key });

const keyRow = (key: string) =>
  dbRows<{ status_code: number | null; created_at: string }>(
    t,
    sql`select status_code, created_at::text from idempotency_keys where key = ${key}`,
  );

describe('Idempotency-Key answered inside the service transaction', () => {
  it('the key and the lead are written by the same transaction (one commit): same transaction timestamp', async () => {
    const res = await createLead(owner, { firstName: 'One', lastName: 'Commit' }, 'tx-1');
    expect(res.statusCode).toBe(201);
    const [lead] = await dbRows<{ created_at: string }>(
      t,
      sql`select created_at::text from leads where id = ${res.json().data.id}`,
    );
    const [key] = await keyRow('tx-1');
    expect(key?.status_code).toBe(201);
    // now() is the transaction's start: equal only when both rows came from one transaction.
    expect(key?.created_at).toBe(lead?.created_at);
  });

  it('a retry replays the stored answer byte for byte and creates nothing', async () => {
    const body = { firstName: 'Re', lastName: 'Play' };
    const first = await createLead(owner, body, 'tx-2');
    const again = await createLead(owner, body, 'tx-2');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toBe(first.body);
    expect(await leadCount(owner.tenantId, 'Play')).toBe(1);
  });

  it('the same key with another body is a 409 and writes nothing', async () => {
    await createLead(owner, { firstName: 'A', lastName: 'Body' }, 'tx-3');
    const res = await createLead(owner, { firstName: 'B', lastName: 'Body' }, 'tx-3');
    expect(res.statusCode).toBe(409);
    expect(await leadCount(owner.tenantId, 'Body')).toBe(1);
  });

  it('eight concurrent requests with one key: one lead, every answer the same lead', async () => {
    const body = { firstName: 'Many', lastName: 'AtOnce' };
    const answers = await Promise.all(Array.from({ length: 8 }, () => createLead(owner, body, 'tx-4')));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    expect(new Set(answers.map((a) => a.json().data.id)).size).toBe(1);
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(7);
    expect(await leadCount(owner.tenantId, 'AtOnce')).toBe(1);
  });

  it('a create the service refuses (rolled back) keeps no key; the same key then runs once it can succeed', async () => {
    const bad = { firstName: 'Ref', lastName: 'Used', companyId: MISSING_ID };
    const res = await api(owner, 'POST', '/contacts', bad, { 'idempotency-key': 'tx-5' });
    expect(res.statusCode).toBe(404);
    expect(await keyRow('tx-5')).toEqual([]);
    const good = await api(
      owner,
      'POST',
      '/contacts',
      { firstName: 'Ref', lastName: 'Used' },
      { 'idempotency-key': 'tx-5' },
    );
    expect(good.statusCode).toBe(201);
    expect((await keyRow('tx-5'))[0]?.status_code).toBe(201);
  });

  it('keys are per caller: the other tenant with the same key gets its own lead', async () => {
    const body = { firstName: 'Same', lastName: 'Key' };
    const mine = await createLead(owner, body, 'tx-6');
    const theirs = await createLead(other, body, 'tx-6');
    expect(theirs.statusCode).toBe(201);
    expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    expect(theirs.json().data.id).not.toBe(mine.json().data.id);
  });

  it("the app role can claim or store only its own tenant's keys", async () => {
    const foreign = `t:${other.tenantId}:u:${other.userId}`;
    const attempt = (statement: ReturnType<typeof sql>) =>
      withTenant(t.database, owner.tenantId, (tx) => tx.execute(statement), owner.userId);
    await expect(
      attempt(sql`select * from tessera_idempotency_claim(${foreign}, 'x', 'h', 1)`),
    ).rejects.toThrow();
    await expect(
      attempt(sql`select tessera_idempotency_store(${foreign}, 'tx-6', 500, '{}'::jsonb)`),
    ).rejects.toThrow();
    await expect(attempt(sql`select * from idempotency_keys`)).rejects.toThrow();
    const [row] = await dbRows<{ status_code: number }>(
      t,
      sql`select status_code from idempotency_keys where key = 'tx-6' and scope = ${foreign}`,
    );
    expect(row?.status_code).toBe(201);
  });
});
