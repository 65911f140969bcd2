import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let colleague: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  colleague = await addMember(t.app, t.database, owner, 'crew');
});

const TABLES = ['saved_views'];
const view = (extra: object = {}) => ({
  entity: 'leads',
  name: 'Hot leads',
  query: { status: 'new,qualified', sort: '-score', scoreMin: '50', includeTotal: 'true' },
  columns: ['fullName', 'status', 'score'],
  ...extra,
});

describe('saved views', () => {
  it('saves a view of a list as given (replayable as a query string); audited; lists mine by list', async () => {
    const v = await c.create(owner, '/saved-views', view());
    expect(v).toMatchObject({ ...view(), userId: owner.userId, version: 1 });
    expect(await auditActions(t, owner.tenantId, v.id)).toEqual(['saved_view.created']);
    const replay = new URLSearchParams(v.query).toString();
    expect((await c.api(owner, 'GET', `/leads?${replay}`)).statusCode).toBe(200);
    await c.create(
      owner,
      '/saved-views',
      view({ entity: 'deals', name: 'Big deals', query: { amountMin: 100000 }, columns: [] }),
    );
    await c.create(owner, '/saved-views', view({ name: 'A first', query: {} }));
    const leads = (await c.api(owner, 'GET', '/saved-views?entity=leads')).json().data;
    expect(leads.map((x: { name: string }) => x.name)).toEqual(['A first', 'Hot leads']);
    expect((await c.pageAll(owner, '/saved-views?limit=1')).length).toBe(3);
    expect((await c.api(owner, 'GET', `/saved-views/${v.id}`)).json().data).toEqual(v);
  });

  it('renames and changes the query with the version; stale is a 409; duplicate names are a 409', async () => {
    const v = await c.create(
      owner,
      '/saved-views',
      view({ entity: 'contacts', name: 'Mine', query: { sort: 'lastName' }, columns: [] }),
    );
    await c.create(
      owner,
      '/saved-views',
      view({ entity: 'contacts', name: 'Taken', query: {}, columns: [] }),
    );
    const ok = await c.api(owner, 'PATCH', `/saved-views/${v.id}`, {
      name: 'Renamed',
      query: { sort: '-createdAt', tag: 'vip' },
      columns: ['lastName', 'companyName'],
      version: 1,
    });
    expect(ok.json().data).toMatchObject({
      name: 'Renamed',
      query: { sort: '-createdAt', tag: 'vip' },
      version: 2,
    });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const stale = await c.api(owner, 'PATCH', `/saved-views/${v.id}`, { name: 'Late', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current.name).toBe('Renamed');
    expect(
      (await c.api(owner, 'PATCH', `/saved-views/${v.id}`, { name: 'TAKEN', version: 2 })).statusCode,
    ).toBe(409);
    expect(
      (
        await c.api(
          owner,
          'POST',
          '/saved-views',
          view({ entity: 'contacts', name: 'taken', query: {}, columns: [] }),
        )
      ).statusCode,
    ).toBe(409);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect((await c.api(owner, 'DELETE', `/saved-views/${v.id}`)).json().data).toEqual({ deleted: true });
    expect(await auditActions(t, owner.tenantId, v.id)).toEqual([
      'saved_view.created',
      'saved_view.updated',
      'saved_view.deleted',
    ]);
  });

  it("only the owner sees or changes a view: a colleague's or another tenant's id is a 404", async () => {
    const v = await c.create(owner, '/saved-views', view({ name: 'Private' }));
    const theirs = await c.create(other, '/saved-views', view({ name: 'Theirs' }));
    const colleagues = await c.create(colleague, '/saved-views', view({ name: 'Private' }));
    const before = await c.snapshot(owner.tenantId, TABLES);
    const beforeOther = await c.snapshot(other.tenantId, TABLES);
    for (const [as, id] of [
      [colleague, v.id],
      [owner, theirs.id],
      [owner, colleagues.id],
    ] as const) {
      expect((await c.api(as, 'GET', `/saved-views/${id}`)).statusCode).toBe(404);
      expect((await c.api(as, 'PATCH', `/saved-views/${id}`, { name: 'Mine', version: 1 })).statusCode).toBe(
        404,
      );
      expect((await c.api(as, 'DELETE', `/saved-views/${id}`)).statusCode).toBe(404);
    }
    const listed = (await c.api(colleague, 'GET', '/saved-views')).json().data;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([colleagues.id]);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect(await c.snapshot(other.tenantId, TABLES)).toEqual(beforeOther);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/saved-views' })).statusCode).toBe(401);
  });

  it('400 for unknown list keys or values, unknown columns, wrong types, oversize; nothing changes', async () => {
    const v = await c.create(owner, '/saved-views', view({ name: 'Valid view' }));
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      {},
      view({ entity: 'invoices' }),
      view({ name: '' }),
      view({ name: 'x'.repeat(101) }),
      view({ query: { status: 'maybe' } }),
      view({ query: { sort: 'password' } }),
      view({ query: { companyId: 'x' } }),
      view({ query: { cursor: 'abc' } }),
      view({ query: { pipelineId: '01a1fcbb-0000-7000-8000-000000000000' } }),
      view({ query: 'status=new' }),
      view({ columns: ['fullName', 'passwordHash'] }),
      view({ columns: ['status', 'status'] }),
      view({ columns: Array.from({ length: 51 }, () => 'status') }),
      view({ userId: other.userId }),
      view({ entity: 'deals', query: { scoreMin: 5 } }),
    ]) {
      expect(
        (await c.api(owner, 'POST', '/saved-views', body)).statusCode,
        JSON.stringify(body).slice(0, 100),
      ).toBe(400);
    }
    const bad = await c.api(owner, 'PATCH', `/saved-views/${v.id}`, { query: { unknownKey: 1 }, version: 1 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details[0].path).toBe('body.query');
    expect(
      (await c.api(owner, 'PATCH', `/saved-views/${v.id}`, { columns: ['title'], version: 1 })).statusCode,
    ).toBe(400);
    expect(
      (await c.api(owner, 'PATCH', `/saved-views/${v.id}`, { entity: 'deals', version: 1 })).statusCode,
    ).toBe(400);
    for (const q of ['entity=jobs', 'limit=0', 'cursor=!!', 'x=1']) {
      expect((await c.api(owner, 'GET', `/saved-views?${q}`)).statusCode, q).toBe(400);
    }
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
