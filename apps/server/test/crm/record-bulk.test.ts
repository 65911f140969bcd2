import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';

// POST /<entity>/bulk (the record kit's bulk route) for companies, contacts and deals; leads: leads.test.ts.

let owner: BrowserSession;
let sales: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const { api, create, snapshot } = crmApi(() => t);
const TABLES = ['companies', 'contacts', 'deals'];
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  sales = await memberWithRole(t, owner.tenantId, { key: 'sales' });
}, 60_000);

const bulk = async (as: BrowserSession, entity: string, body: object) => {
  const res = await api(as, 'POST', `/${entity}/bulk`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as {
    results: { id: string; ok: boolean; error?: { code: string } }[];
    succeeded: number;
    failed: number;
  };
};
const auditCount = async (tenantId: string, action: string) =>
  (
    await dbRows<{ n: number }>(
      t,
      sql`select count(*)::int as n from audit_logs where tenant_id = ${tenantId} and action = ${action}`,
    )
  )[0]?.n;

describe.each([
  ['companies', 'company', { name: 'Bulk Co' }],
  ['contacts', 'contact', { firstName: 'Bulk', lastName: 'Person' }],
  ['deals', 'deal', { title: 'Bulk deal' }],
] as const)('POST /%s/bulk', (entity, record, body) => {
  it('archives, restores, tags, assigns and deletes with a result per id, audited', async () => {
    const a = await create(owner, `/${entity}`, { ...body, tags: ['old'] });
    const b = await create(owner, `/${entity}`, body);
    const archived = await bulk(owner, entity, { action: 'archive', ids: [a.id, b.id, a.id, MISSING_ID] });
    expect(archived).toMatchObject({ succeeded: 2, failed: 1 });
    expect(archived.results).toEqual([
      { id: a.id, ok: true },
      { id: b.id, ok: true },
      { id: MISSING_ID, ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) },
    ]);
    expect((await api(owner, 'GET', `/${entity}/${a.id}`)).json().data.archivedAt).not.toBeNull();
    expect(await auditCount(owner.tenantId, `${record}.archived`)).toBeGreaterThanOrEqual(2);
    expect(await bulk(owner, entity, { action: 'restore', ids: [a.id, b.id] })).toMatchObject({
      succeeded: 2,
    });

    await bulk(owner, entity, { action: 'tag', ids: [a.id, b.id], add: ['vip', 'vip'], remove: ['old'] });
    expect((await api(owner, 'GET', `/${entity}/${a.id}`)).json().data.tags).toEqual(['vip']);
    const assigned = await bulk(owner, entity, { action: 'assign', ids: [a.id], ownerId: sales.userId });
    expect(assigned.succeeded).toBe(1);
    expect((await api(sales, 'GET', `/${entity}/${a.id}`)).json().data.ownerId).toBe(sales.userId);
    expect(await auditCount(owner.tenantId, `${record}.assigned`)).toBeGreaterThanOrEqual(1);

    expect(await bulk(owner, entity, { action: 'delete', ids: [a.id, b.id] })).toMatchObject({
      succeeded: 2,
    });
    expect((await api(owner, 'GET', `/${entity}/${b.id}`)).statusCode).toBe(404);
  });

  it("another tenant's ids and ids outside an own scope are not found and nothing changes", async () => {
    const theirs = await create(other, `/${entity}`, body);
    const ownersOwn = await create(owner, `/${entity}`, body);
    const salesOwn = await create(sales, `/${entity}`, body);
    const before = await snapshot(other.tenantId, TABLES);
    const result = await bulk(owner, entity, { action: 'tag', ids: [theirs.id], add: ['x'] });
    expect(result).toMatchObject({ succeeded: 0, failed: 1 });
    expect(await snapshot(other.tenantId, TABLES)).toEqual(before);

    const mine = await snapshot(owner.tenantId, TABLES);
    const scoped = await bulk(sales, entity, {
      action: 'assign',
      ids: [ownersOwn.id],
      ownerId: sales.userId,
    });
    expect(scoped.results).toEqual([
      { id: ownersOwn.id, ok: false, error: expect.objectContaining({ code: 'NOT_FOUND' }) },
    ]);
    expect(await snapshot(owner.tenantId, TABLES)).toEqual(mine);
    const tagged = await bulk(sales, entity, { action: 'tag', ids: [salesOwn.id, ownersOwn.id], add: ['s'] });
    expect(tagged).toMatchObject({ succeeded: 1, failed: 1 });
  });

  it('checks permissions: update for the route, delete for archive and delete (403, nothing changes)', async () => {
    const mine = await create(sales, `/${entity}`, body);
    const viewer = await memberWithRole(t, owner.tenantId, { permissions: [`${entity}.view`] });
    const before = await snapshot(owner.tenantId, TABLES);
    for (const action of ['archive', 'delete'])
      expect((await api(sales, 'POST', `/${entity}/bulk`, { action, ids: [mine.id] })).statusCode).toBe(403);
    expect(
      (await api(viewer, 'POST', `/${entity}/bulk`, { action: 'tag', ids: [mine.id], add: ['x'] }))
        .statusCode,
    ).toBe(403);
    expect(await snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const one = await create(owner, `/${entity}`, body);
    const before = await snapshot(owner.tenantId, TABLES);
    const ids501 = Array.from({ length: 501 }, () => one.id);
    for (const bad of [
      {},
      { action: 'archive' },
      { action: 'archive', ids: [] },
      { action: 'archive', ids: ids501 },
      { action: 'archive', ids: ['not-a-uuid'] },
      { action: 'archive', ids: [one.id], extra: 1 },
      { action: 'explode', ids: [one.id] },
      { action: 'assign', ids: [one.id] },
      { action: 'assign', ids: [one.id], ownerId: 5 },
      { action: 'tag', ids: [one.id], add: ['x'.repeat(51)] },
      { action: 'tag', ids: [one.id], add: ['a\u0000b'] },
      { action: 'status', ids: [one.id], status: 'won' },
      { action: 'archive', ids: `${one.id}` },
    ]) {
      const res = await api(owner, 'POST', `/${entity}/bulk`, bad);
      expect(res.statusCode, JSON.stringify(bad).slice(0, 80)).toBe(400);
    }
    // An owner who is not an active member of this company: the whole call is a 404, nothing written.
    const stranger = await api(owner, 'POST', `/${entity}/bulk`, {
      action: 'assign',
      ids: [one.id],
      ownerId: other.userId,
    });
    expect(stranger.statusCode).toBe(404);
    expect(await snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});

describe('POST /deals/bulk stage', () => {
  it('moves deals within their pipeline; a won stage closes them; another pipeline’s stage fails per deal', async () => {
    const a = await create(owner, '/deals', { title: 'Stage A' });
    const b = await create(owner, '/deals', { title: 'Stage B' });
    const pipeline = (await api(owner, 'GET', `/pipelines/${a.pipelineId}`)).json().data as {
      stages: { id: string; kind: string }[];
    };
    const won = pipeline.stages.find((s) => s.kind === 'won');
    const moved = await bulk(owner, 'deals', { action: 'stage', ids: [a.id, b.id], stageId: won?.id });
    expect(moved).toMatchObject({ succeeded: 2, failed: 0 });
    expect((await api(owner, 'GET', `/deals/${a.id}`)).json().data).toMatchObject({ status: 'won' });
    expect(await auditCount(owner.tenantId, 'deal.stage_changed')).toBeGreaterThanOrEqual(2);

    const second = await create(owner, '/pipelines', {
      name: 'Other',
      stages: [{ name: 'Only', probability: 10 }],
    });
    const before = await snapshot(owner.tenantId, TABLES);
    const refused = await bulk(owner, 'deals', {
      action: 'stage',
      ids: [a.id],
      stageId: second.stages[0].id,
    });
    expect(refused.results[0]).toMatchObject({ ok: false, error: { code: 'VALIDATION_ERROR' } });
    const foreign = await bulk(owner, 'deals', { action: 'stage', ids: [b.id], stageId: MISSING_ID });
    expect(foreign.results[0]).toMatchObject({ ok: false });
    expect(await snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
