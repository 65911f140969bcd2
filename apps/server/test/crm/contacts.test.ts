import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let company: { id: string; name: string };
let theirCompany: { id: string };
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  company = await c.create(owner, '/companies', { name: 'Contact Holdings' });
  theirCompany = await c.create(other, '/companies', { name: 'Their Holdings' });
});

const TABLES = ['contacts', 'companies'];

describe('contacts', () => {
  it('creates a contact at a company: the DTO carries the company name; audited', async () => {
    const ct = await c.create(owner, '/contacts', {
      firstName: 'Grace',
      lastName: 'Hopper',
      email: 'GRACE@Navy.mil',
      companyId: company.id,
      tags: ['a', 'a'],
    });
    expect(ct).toMatchObject({
      firstName: 'Grace',
      email: 'grace@navy.mil',
      companyId: company.id,
      companyName: 'Contact Holdings',
      ownerId: owner.userId,
      tags: ['a'],
    });
    expect((await c.api(owner, 'GET', `/contacts/${ct.id}`)).json().data.companyName).toBe(
      'Contact Holdings',
    );
    expect(await auditActions(t, owner.tenantId, ct.id)).toEqual(['contact.created']);
  });

  it('lists with company names joined per page, filters by company, searches, pages every row once', async () => {
    const second = await c.create(owner, '/companies', { name: 'Second Ltd' });
    for (const [i, companyId] of [company.id, second.id, null, company.id, second.id].entries())
      await c.create(owner, '/contacts', { firstName: `Pg${i}`, lastName: `Pager${i}`, companyId });
    const listed = (await c.api(owner, 'GET', '/contacts?q=pager&sort=lastName')).json().data;
    expect(listed.map((x: { companyName: string | null }) => x.companyName)).toEqual([
      'Contact Holdings',
      'Second Ltd',
      null,
      'Contact Holdings',
      'Second Ltd',
    ]);
    const atSecond = (await c.api(owner, 'GET', `/contacts?companyId=${second.id}`)).json().data;
    expect(atSecond).toHaveLength(2);
    for (const sort of ['lastName', '-lastName', 'createdAt', '-updatedAt']) {
      const paged = await c.pageAll<{ lastName: string }>(owner, `/contacts?limit=2&q=pager&sort=${sort}`);
      expect(paged.map((x) => x.lastName).sort(), sort).toEqual([
        'Pager0',
        'Pager1',
        'Pager2',
        'Pager3',
        'Pager4',
      ]);
    }
  });

  it('moves a contact to another company with the version; stale is a 409 with the current record', async () => {
    const ct = await c.create(owner, '/contacts', {
      firstName: 'Move',
      lastName: 'Me',
      companyId: company.id,
    });
    const other2 = await c.create(owner, '/companies', { name: 'New Home' });
    const moved = await c.api(owner, 'PATCH', `/contacts/${ct.id}`, { companyId: other2.id, version: 1 });
    expect(moved.json().data).toMatchObject({ companyName: 'New Home', version: 2 });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const stale = await c.api(owner, 'PATCH', `/contacts/${ct.id}`, { companyId: null, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.details.current).toMatchObject({ companyName: 'New Home', version: 2 });
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const cleared = await c.api(owner, 'PATCH', `/contacts/${ct.id}`, { companyId: null, version: 2 });
    expect(cleared.json().data).toMatchObject({ companyId: null, companyName: null });
    await c.api(owner, 'POST', `/contacts/${ct.id}/archive`, { version: 3 });
    expect((await c.api(owner, 'DELETE', `/contacts/${ct.id}`)).statusCode).toBe(200);
    expect(await auditActions(t, owner.tenantId, ct.id)).toEqual([
      'contact.created',
      'contact.updated',
      'contact.updated',
      'contact.archived',
      'contact.deleted',
    ]);
  });
});

describe('contacts: access', () => {
  it("another tenant's contact or company is a 404 (path and body) and nothing changes", async () => {
    const theirs = await c.create(other, '/contacts', { firstName: 'Their', lastName: 'Contact' });
    const mine = await c.create(owner, '/contacts', { firstName: 'My', lastName: 'Contact' });
    const beforeOther = await c.snapshot(other.tenantId, TABLES);
    const beforeMine = await c.snapshot(owner.tenantId, TABLES);
    for (const [method, url, body] of [
      ['GET', `/contacts/${theirs.id}`],
      ['PATCH', `/contacts/${theirs.id}`, { lastName: 'Mine', version: 1 }],
      ['DELETE', `/contacts/${theirs.id}`],
      ['POST', `/contacts/${theirs.id}/archive`, {}],
      ['GET', `/contacts/${theirs.id}/timeline`],
      ['POST', '/contacts', { firstName: 'A', lastName: 'B', companyId: theirCompany.id }],
      ['PATCH', `/contacts/${mine.id}`, { companyId: theirCompany.id, version: 1 }],
      ['PATCH', `/contacts/${mine.id}`, { ownerId: other.userId, version: 1 }],
      ['POST', '/contacts', { firstName: 'A', lastName: 'B', companyId: MISSING_ID }],
    ] as const) {
      expect((await c.api(owner, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    const res = await c.api(owner, 'POST', '/contacts', {
      firstName: 'A',
      lastName: 'B',
      companyId: theirCompany.id,
    });
    expect(res.json().error.details).toEqual([{ path: 'body.companyId', message: 'Not found' }]);
    expect(await c.snapshot(other.tenantId, TABLES)).toEqual(beforeOther);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(beforeMine);
  });

  it('needs the permissions: crew cannot read, marketing cannot write', async () => {
    const crew = await addMember(t.app, t.database, owner, 'crew');
    const marketing = await addMember(t.app, t.database, owner, 'marketing');
    const dispatch = await addMember(t.app, t.database, owner, 'dispatch');
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect((await c.api(crew, 'GET', '/contacts')).statusCode).toBe(403);
    expect((await c.api(marketing, 'POST', '/contacts', { firstName: 'A', lastName: 'B' })).statusCode).toBe(
      403,
    );
    // a company's deals need deals.view besides companies.view (dispatch sees companies, not deals)
    expect((await c.api(dispatch, 'GET', `/companies/${company.id}/contacts`)).statusCode).toBe(200);
    expect((await c.api(dispatch, 'GET', `/companies/${company.id}/deals`)).statusCode).toBe(403);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('a sales agent (scope own) sees only their own contacts, also under a company', async () => {
    const agent = await addMember(t.app, t.database, owner, 'sales');
    const shared = await c.create(agent, '/companies', { name: 'Agent Shared' });
    const mine = await c.create(agent, '/contacts', {
      firstName: 'Agent',
      lastName: 'Own',
      companyId: shared.id,
    });
    await c.create(owner, '/contacts', { firstName: 'Owner', lastName: 'Own', companyId: shared.id });
    const listed = (await c.api(agent, 'GET', '/contacts?limit=100')).json().data;
    expect(listed.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    const under = (await c.api(agent, 'GET', `/companies/${shared.id}/contacts`)).json().data;
    expect(under.map((x: { id: string }) => x.id)).toEqual([mine.id]);
    expect((await c.api(owner, 'GET', `/companies/${shared.id}/contacts`)).json().data).toHaveLength(2);
  });
});

describe('contacts: bad input changes nothing', () => {
  it('400 for wrong types, missing / unknown / oversize fields, bad ids and cursors', async () => {
    const ct = await c.create(owner, '/contacts', { firstName: 'Valid', lastName: 'Contact' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      {},
      { firstName: 'A' },
      { firstName: 'A', lastName: 7 },
      { firstName: 'x'.repeat(121), lastName: 'B' },
      { firstName: 'A', lastName: 'B', companyId: 'abc' },
      { firstName: 'A', lastName: 'B', companyName: 'Not writable' },
      { firstName: 'A', lastName: 'B', version: 3 },
      { firstName: 'A', lastName: 'B', email: 'nope' },
    ]) {
      expect((await c.api(owner, 'POST', '/contacts', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await c.api(owner, 'PATCH', `/contacts/${ct.id}`, { lastName: 'No version' })).statusCode).toBe(
      400,
    );
    for (const q of [
      'sort=name',
      'companyId=x',
      'limit=-1',
      'archived=maybe',
      `cursor=${c.craftedCursor(null)}`,
    ]) {
      expect((await c.api(owner, 'GET', `/contacts?${q}`)).statusCode, q).toBe(400);
    }
    expect((await c.api(owner, 'DELETE', '/contacts/123')).statusCode).toBe(400);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
