import { searchResultSchema } from '@tessera/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { memberWithRole } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let sales: BrowserSession;
let leadsOnly: BrowserSession;
let other: BrowserSession;
const ids: Record<string, string> = {};
const t = setupApiTest();
const c = crmApi(() => t);

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  sales = await memberWithRole(t, owner.tenantId, { key: 'sales' });
  leadsOnly = await memberWithRole(t, owner.tenantId, { permissions: ['leads.view'] });
  ids.ownerLead = (await c.create(owner, '/leads', { firstName: 'Quillon', lastName: 'Owner' })).id;
  ids.salesLead = (await c.create(sales, '/leads', { firstName: 'Quillon', lastName: 'Agent' })).id;
  ids.archived = (await c.create(owner, '/leads', { firstName: 'Quillon', lastName: 'Archived' })).id;
  await c.api(owner, 'POST', `/leads/${ids.archived}/archive`, { version: 1 });
  ids.contact = (
    await c.create(owner, '/contacts', { firstName: 'Quillon', lastName: 'Contact', email: 'q@x.test' })
  ).id;
  ids.company = (await c.create(owner, '/companies', { name: 'Quillon Works', city: 'Bern' })).id;
  ids.quote = (
    await c.create(owner, '/quotes', {
      customer: { name: 'Quillon Customer' },
      lines: [{ description: 'Setup', quantity: '1', unitPriceCents: 1000 }],
    })
  ).id;
  ids.theirs = (await c.create(other, '/leads', { firstName: 'Quillon', lastName: 'Theirs' })).id;
}, 60_000);

const search = async (as: BrowserSession, query: string) => {
  const res = await c.api(as, 'GET', `/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return searchResultSchema.parse(res.json().data);
};
const idsOf = (result: { groups: { hits: { id: string }[] }[] }) =>
  result.groups.flatMap((g) => g.hits.map((h) => h.id));

describe('global search', () => {
  it('finds every kind the owner may see, grouped in order, with titles and the page each opens', async () => {
    const result = await search(owner, 'q=quillon');
    expect(result.groups.map((g) => [g.type, g.label])).toEqual([
      ['lead', 'Leads'],
      ['contact', 'Contacts'],
      ['company', 'Companies'],
      ['quote', 'Quotes'],
    ]);
    const leads = result.groups[0]?.hits ?? [];
    expect(leads.map((h) => h.title).sort()).toEqual(['Quillon Agent', 'Quillon Owner']);
    expect(leads.find((h) => h.id === ids.ownerLead)?.url).toBe(`/leads/${ids.ownerLead}`);
    expect(result.groups[1]?.hits[0]).toMatchObject({ title: 'Quillon Contact', subtitle: 'q@x.test' });
    expect(result.groups[2]?.hits[0]).toMatchObject({ title: 'Quillon Works', subtitle: 'Bern' });
    expect(result.groups[3]?.hits[0]).toMatchObject({
      id: ids.quote,
      title: 'Draft',
      subtitle: 'Quillon Customer',
      url: `/quotes/${ids.quote}`,
    });
  });

  it('leaves archived records and other tenants out; matches case-insensitively anywhere in the fields', async () => {
    const found = idsOf(await search(owner, 'q=%20QUILL%20'));
    expect(found).not.toContain(ids.archived);
    expect(found).not.toContain(ids.theirs);
    expect(idsOf(await search(other, 'q=quillon'))).toEqual([ids.theirs]);
    expect(idsOf(await search(owner, 'q=uillon%20own'))).toEqual([ids.ownerLead]);
  });

  it('limits each group and says when there is more; a title starting with the text comes first', async () => {
    const result = await search(owner, 'q=quillon&limit=1');
    expect(result.groups[0]).toMatchObject({ type: 'lead', hasMore: true });
    expect(result.groups[0]?.hits).toHaveLength(1);
    expect(result.groups[2]).toMatchObject({ type: 'company', hasMore: false });
    const ranked = await search(owner, 'q=works');
    expect(ranked.groups[0]?.hits[0]?.id).toBe(ids.company);
  });

  it('record scope own: an agent finds only their own records', async () => {
    const result = await search(sales, 'q=quillon');
    expect(idsOf(result)).toEqual([ids.salesLead]);
  });

  it('a kind without its view permission is absent (not an error)', async () => {
    const result = await search(leadsOnly, 'q=quillon');
    expect(result.groups.map((g) => g.type)).toEqual(['lead']);
  });

  it('a module switched off leaves its groups out', async () => {
    const flag = await c.api(owner, 'PATCH', '/feature-flags/crm', { enabled: false, version: 0 });
    expect(flag.statusCode, flag.body).toBe(200);
    try {
      expect((await search(owner, 'q=quillon')).groups.map((g) => g.type)).toEqual(['quote']);
    } finally {
      await c.api(owner, 'PATCH', '/feature-flags/crm', { enabled: true, version: 1 });
    }
    expect((await search(owner, 'q=quillon')).groups).toHaveLength(4);
  });

  it("jobs and projects: found with their own visibility (a crew member outside the job's crew does not find it)", async () => {
    const job = await c.create(owner, '/jobs', { title: 'Vexmoor roof', customerName: 'Vexmoor Farm' });
    const project = await c.create(owner, '/projects', { name: 'Vexmoor build', code: 'VX-1' });
    const result = await search(owner, 'q=vexmoor');
    expect(result.groups.map((g) => [g.type, g.hits.map((h) => [h.id, h.title, h.subtitle, h.url])])).toEqual(
      [
        ['job', [[job.id, 'Vexmoor roof', 'Vexmoor Farm', `/jobs/${job.id}`]]],
        ['project', [[project.id, 'Vexmoor build', 'VX-1', `/projects/${project.id}`]]],
      ],
    );
    const crew = await memberWithRole(t, owner.tenantId, { key: 'crew' });
    // Crew: jobs scope "own" (their crew's jobs) — not this one; projects they may see (to book time on) are found.
    expect((await search(crew, 'q=vexmoor')).groups.map((g) => g.type)).toEqual(['project']);
  });

  it('LIKE wildcards are plain text; no match is an empty list', async () => {
    for (const q of ['%25', '_', '%5C', 'nothing-like-this'])
      expect((await search(owner, `q=${q}`)).groups, q).toEqual([]);
  });

  it('bad input is a 400 naming the field; no caller is a 401; nothing answers 500', async () => {
    for (const query of [
      '',
      'q=',
      'q=%20%20',
      'q=a%00b',
      `q=${'a'.repeat(201)}`,
      'q=a&limit=0',
      'q=a&limit=21',
      'q=a&limit=abc',
      'q=a&extra=1',
      'q=a&q=b',
    ]) {
      const res = await c.api(owner, 'GET', `/search?${query}`);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
      expect(res.json().success).toBe(false);
    }
    expect((await c.api(owner, 'GET', `/search?q=${'a'.repeat(200)}`)).statusCode).toBe(200);
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/v1/search?q=quillon' });
    expect(anonymous.statusCode).toBe(401);
  });
});
