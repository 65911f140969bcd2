import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, dbRows } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
});

const TABLES = ['companies', 'contacts', 'deals'];

describe('companies', () => {
  it('creates a company owned by its creator (audited), gets, lists, searches it', async () => {
    const co = await c.create(owner, '/companies', {
      name: 'Acme Roofing',
      domain: 'ACME-roofing.com',
      email: 'Info@Acme-Roofing.com',
      tags: ['vip', 'vip', 'roof'],
    });
    expect(co).toMatchObject({
      name: 'Acme Roofing',
      domain: 'acme-roofing.com',
      email: 'info@acme-roofing.com',
      ownerId: owner.userId,
      tags: ['vip', 'roof'],
      version: 1,
    });
    expect(await auditActions(t, owner.tenantId, co.id)).toEqual(['company.created']);
    expect((await c.api(owner, 'GET', `/companies/${co.id}`)).json().data).toEqual(co);
    const found = (await c.api(owner, 'GET', '/companies?q=roofing&tag=vip')).json().data;
    expect(found.map((x: { id: string }) => x.id)).toEqual([co.id]);
    expect((await c.api(owner, 'GET', '/companies?q=nothing-like-this')).json().data).toEqual([]);
  });

  it('pages every company exactly once, by each sort, both ways', async () => {
    for (const name of ['Kilo', 'Alpha', 'Echo', 'Bravo', 'Delta'])
      await c.create(owner, '/companies', { name });
    const all = (await c.api(owner, 'GET', '/companies?limit=100')).json().data as { id: string }[];
    for (const sort of ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt']) {
      const paged = await c.pageAll(owner, `/companies?limit=2&sort=${sort}`);
      expect(paged.map((x) => x.id).sort(), sort).toEqual(all.map((x) => x.id).sort());
    }
    const byName = await c.pageAll<{ name: string }>(owner, '/companies?limit=2&sort=name&q=o');
    expect(byName.map((x) => x.name)).toEqual([...byName.map((x) => x.name)].sort());
    const counted = (await c.api(owner, 'GET', '/companies?limit=1&includeTotal=true')).json().pagination;
    expect(counted).toMatchObject({ total: all.length, hasMore: true });
  });

  it('keeps microseconds in the cursor: rows in the same millisecond are neither skipped nor repeated', async () => {
    const tenant = await signUp(t.app);
    for (const us of ['100', '200', '300', '400'])
      await t.database.db.execute(sql`insert into companies (id, tenant_id, name, created_at)
        values (gen_random_uuid(), ${tenant.tenantId}, ${us}, ${`2025-01-01 10:00:00.123${us}+00`}::timestamptz)`);
    const names = async (sort: string) =>
      (await c.pageAll<{ name: string }>(tenant, `/companies?limit=1&sort=${sort}`)).map((x) => x.name);
    expect(await names('-createdAt')).toEqual(['400', '300', '200', '100']);
    expect(await names('createdAt')).toEqual(['100', '200', '300', '400']);
  });

  it('filters by owner and creation time', async () => {
    const agent = await addMember(t.app, t.database, owner, 'sales');
    const theirs = await c.create(owner, '/companies', { name: 'Agent Co', ownerId: agent.userId });
    const byOwner = (await c.api(owner, 'GET', `/companies?ownerId=${agent.userId}`)).json().data;
    expect(byOwner.map((x: { id: string }) => x.id)).toEqual([theirs.id]);
    const future = (await c.api(owner, 'GET', '/companies?createdFrom=2999-01-01T00:00:00Z')).json().data;
    expect(future).toEqual([]);
  });

  it('updates with the version (audited diff); stale is a 409 with the current record, unchanged', async () => {
    const co = await c.create(owner, '/companies', { name: 'Ver Co' });
    const ok = await c.api(owner, 'PATCH', `/companies/${co.id}`, { city: 'Lyon', version: 1 });
    expect(ok.json().data).toMatchObject({ city: 'Lyon', version: 2 });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const stale = await c.api(owner, 'PATCH', `/companies/${co.id}`, { city: 'Paris', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ city: 'Lyon', version: 2 });
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const viaIfMatch = await c.api(
      owner,
      'PATCH',
      `/companies/${co.id}`,
      { city: 'Nice' },
      { 'if-match': '"2"' },
    );
    expect(viaIfMatch.json().data.version).toBe(3);
    const [audit] = await dbRows<{ changes: unknown }>(
      t,
      sql`select changes from audit_logs where target_id = ${co.id} and action = 'company.updated' order by created_at limit 1`,
    );
    expect(audit?.changes).toEqual({ city: { from: null, to: 'Lyon' } });
  });

  it('archives, restores and deletes; a company still used by a contact is a 409', async () => {
    const co = await c.create(owner, '/companies', { name: 'Arch Co' });
    expect(
      (await c.api(owner, 'POST', `/companies/${co.id}/archive`, {})).json().data.archivedAt,
    ).not.toBeNull();
    expect(
      (await c.api(owner, 'GET', '/companies?archived=only')).json().data.map((x: { id: string }) => x.id),
    ).toEqual([co.id]);
    expect(
      (await c.api(owner, 'POST', `/companies/${co.id}/restore`, { version: 2 })).json().data.archivedAt,
    ).toBeNull();
    const used = await c.create(owner, '/companies', { name: 'Used Co' });
    await c.create(owner, '/contacts', { firstName: 'Em', lastName: 'Ployee', companyId: used.id });
    expect((await c.api(owner, 'DELETE', `/companies/${used.id}`)).statusCode).toBe(409);
    expect((await c.api(owner, 'DELETE', `/companies/${co.id}`)).json().data).toEqual({ deleted: true });
    expect(await auditActions(t, owner.tenantId, co.id)).toEqual([
      'company.created',
      'company.archived',
      'company.restored',
      'company.deleted',
    ]);
    expect((await c.api(owner, 'GET', `/companies/${co.id}`)).statusCode).toBe(404);
  });

  it("lists a company's contacts and deals; the timeline shows its history", async () => {
    const co = await c.create(owner, '/companies', { name: 'Parent Co' });
    const a = await c.create(owner, '/contacts', { firstName: 'Zed', lastName: 'Zulu', companyId: co.id });
    const b = await c.create(owner, '/contacts', { firstName: 'Amy', lastName: 'Adams', companyId: co.id });
    await c.create(owner, '/contacts', { firstName: 'Not', lastName: 'Here' });
    const deal = await c.create(owner, '/deals', { title: 'Parent deal', companyId: co.id });
    const contacts = (await c.api(owner, 'GET', `/companies/${co.id}/contacts`)).json().data;
    expect(contacts.map((x: { id: string }) => x.id)).toEqual([b.id, a.id]);
    expect(contacts[0].companyName).toBe('Parent Co');
    const deals = (await c.api(owner, 'GET', `/companies/${co.id}/deals`)).json().data;
    expect(deals.map((x: { id: string }) => x.id)).toEqual([deal.id]);
    await c.create(owner, '/activities', {
      type: 'call',
      subject: 'Intro call',
      related: { type: 'company', id: co.id },
    });
    const timeline = (await c.api(owner, 'GET', `/companies/${co.id}/timeline`)).json().data;
    expect(timeline.map((i: { title: string }) => i.title)).toEqual(['Intro call', 'company.created']);
    const paged = await c.pageAll(owner, `/companies/${co.id}/timeline?limit=1`);
    expect(paged).toHaveLength(2);
    expect(
      (await c.api(owner, 'GET', `/companies/${co.id}/timeline?cursor=${c.craftedCursor('x')}`)).statusCode,
    ).toBe(400);
  });
});

describe('companies: access', () => {
  it("another tenant's company is a 404 everywhere (path and owner in the body) and stays unchanged", async () => {
    const theirs = await c.create(other, '/companies', { name: 'Their Co' });
    const before = await c.snapshot(other.tenantId, TABLES);
    for (const [method, url, body] of [
      ['GET', `/companies/${theirs.id}`],
      ['PATCH', `/companies/${theirs.id}`, { name: 'Mine now', version: 1 }],
      ['DELETE', `/companies/${theirs.id}`],
      ['POST', `/companies/${theirs.id}/archive`, {}],
      ['POST', `/companies/${theirs.id}/restore`, {}],
      ['GET', `/companies/${theirs.id}/timeline`],
      ['GET', `/companies/${theirs.id}/contacts`],
      ['GET', `/companies/${theirs.id}/deals`],
    ] as const) {
      expect((await c.api(owner, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    const mine = await c.create(owner, '/companies', { name: 'Mine' });
    const stolen = await c.api(owner, 'PATCH', `/companies/${mine.id}`, {
      ownerId: other.userId,
      version: 1,
    });
    expect(stolen.statusCode).toBe(404);
    expect(stolen.json().error.details).toEqual([{ path: 'body.ownerId', message: 'Not found' }]);
    expect((await c.api(owner, 'POST', '/companies', { name: 'X', ownerId: other.userId })).statusCode).toBe(
      404,
    );
    expect(await c.snapshot(other.tenantId, TABLES)).toEqual(before);
    const listed = (await c.api(owner, 'GET', '/companies?limit=100')).json().data;
    expect(listed.map((x: { id: string }) => x.id)).not.toContain(theirs.id);
  });

  it('needs the permissions: crew cannot read, marketing cannot write', async () => {
    const crew = await addMember(t.app, t.database, owner, 'crew');
    const marketing = await addMember(t.app, t.database, owner, 'marketing');
    const co = await c.create(owner, '/companies', { name: 'Perm Co' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect((await c.api(crew, 'GET', '/companies')).statusCode).toBe(403);
    expect((await c.api(crew, 'GET', `/companies/${co.id}`)).statusCode).toBe(403);
    expect((await c.api(marketing, 'POST', '/companies', { name: 'Nope' })).statusCode).toBe(403);
    expect(
      (await c.api(marketing, 'PATCH', `/companies/${co.id}`, { name: 'Nope', version: 1 })).statusCode,
    ).toBe(403);
    expect((await c.api(marketing, 'DELETE', `/companies/${co.id}`)).statusCode).toBe(403);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect((await c.api(marketing, 'GET', `/companies/${co.id}`)).statusCode).toBe(200);
  });

  it('a sales agent (scope own) sees and changes only their own companies', async () => {
    const agent = await addMember(t.app, t.database, owner, 'sales');
    const mine = await c.create(agent, '/companies', { name: 'Agent Own' });
    const notMine = await c.create(owner, '/companies', { name: 'Owner Own' });
    const listed = (await c.api(agent, 'GET', '/companies?limit=100')).json().data;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    expect((await c.api(agent, 'GET', `/companies/${notMine.id}`)).statusCode).toBe(404);
    expect(
      (await c.api(agent, 'PATCH', `/companies/${notMine.id}`, { name: 'x', version: 1 })).statusCode,
    ).toBe(404);
    expect((await c.api(agent, 'GET', `/companies/${notMine.id}/contacts`)).statusCode).toBe(404);
  });
});

describe('companies: bad input changes nothing', () => {
  it('400 for wrong types, missing / unknown fields, oversize values, bad ids and cursors', async () => {
    const co = await c.create(owner, '/companies', { name: 'Valid Co' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      {},
      { name: '' },
      { name: 42 },
      { name: 'x'.repeat(201) },
      { name: 'A', tenantId: other.tenantId },
      { name: 'A', id: MISSING_ID },
      { name: 'A', domain: 'not a domain' },
      { name: 'A', email: 'nope' },
      { name: 'A', tags: ['x'.repeat(51)] },
      { name: 'A', ownerId: 'not-a-uuid' },
    ]) {
      expect((await c.api(owner, 'POST', '/companies', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    for (const body of [
      { name: 'No version' },
      { name: 'A', version: 0 },
      { name: 'A', version: '1' },
      { version: 1, createdBy: owner.userId },
    ]) {
      expect(
        (await c.api(owner, 'PATCH', `/companies/${co.id}`, body)).statusCode,
        JSON.stringify(body),
      ).toBe(400);
    }
    for (const q of [
      'limit=0',
      'limit=101',
      'sort=password',
      'sort=lastName',
      'cursor=garbage',
      `cursor=${c.craftedCursor('not a time')}`,
      `cursor=${c.craftedCursor('2025-02-30 10:00:00+00')}`,
      `cursor=${c.craftedCursor('2025-01-01 10:00:00+00', 'not-a-uuid')}`,
      'ownerId=me',
      'createdFrom=yesterday',
      'unknown=1',
    ]) {
      expect((await c.api(owner, 'GET', `/companies?${q}`)).statusCode, q).toBe(400);
    }
    expect((await c.api(owner, 'GET', `/companies?sort=name&cursor=${c.craftedCursor(5)}`)).statusCode).toBe(
      400,
    );
    expect((await c.api(owner, 'GET', '/companies/not-a-uuid')).statusCode).toBe(400);
    expect((await c.api(owner, 'GET', `/companies/${co.id}/contacts?limit=1000`)).statusCode).toBe(400);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
