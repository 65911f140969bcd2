import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { memberWithRole } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let agentA: BrowserSession;
let agentB: BrowserSession;
let theirCompany: { id: string; name: string };
let theirContact: { id: string };
const SECRET_NAME = 'Confidential Prospect GmbH';
const TABLES = ['contacts', 'deals', 'companies', 'activities', 'tasks'] as const;

const t = setupApiTest();
beforeAll(async () => {
  owner = await signUp(t.app);
  agentA = await memberWithRole(t, owner.tenantId, { key: 'sales' });
  agentB = await memberWithRole(t, owner.tenantId, { key: 'sales' });
  const crm = crmApi(t);
  theirCompany = await crm.create(agentB, '/companies', { name: SECRET_NAME });
  theirContact = await crm.create(agentB, '/contacts', { firstName: 'Their', lastName: 'Contact' });
}, 60_000);

describe('references in a body must be records the caller may see (view permission + record scope)', () => {
  it('a sales agent with scope "own" cannot attach a contact to another agent\'s company: 404, nothing written, name not revealed', async () => {
    const crm = crmApi(t);
    const before = await crm.snapshot(owner.tenantId, TABLES);
    const res = await crm.api(agentA, 'POST', '/contacts', {
      firstName: 'Sneaky',
      lastName: 'Link',
      companyId: theirCompany.id,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'NOT_FOUND', details: [{ path: 'body.companyId' }] } });
    expect(res.body).not.toContain(SECRET_NAME);
    // The same answer as an id that exists nowhere.
    const missing = await crm.api(agentA, 'POST', '/contacts', {
      firstName: 'Sneaky',
      lastName: 'Link',
      companyId: '01a1fcbb-0000-7000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe(res.json().error.message);
    expect(await crm.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('the same for deals (company, contact) and for moving an own contact to their company', async () => {
    const crm = crmApi(t);
    const mine = await crm.create(agentA, '/contacts', { firstName: 'My', lastName: 'Contact' });
    const before = await crm.snapshot(owner.tenantId, TABLES);
    const deal = await crm.api(agentA, 'POST', '/deals', {
      title: 'Grab',
      companyId: theirCompany.id,
      contactId: theirContact.id,
    });
    expect(deal.statusCode).toBe(404);
    expect(deal.body).not.toContain(SECRET_NAME);
    const patch = await crm.api(agentA, 'PATCH', `/contacts/${mine.id}`, {
      companyId: theirCompany.id,
      version: 1,
    });
    expect(patch.statusCode).toBe(404);
    expect(patch.body).not.toContain(SECRET_NAME);
    expect(await crm.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('own records, and everything for a caller with scope "all", still work', async () => {
    const crm = crmApi(t);
    const myCompany = await crm.create(agentA, '/companies', { name: 'My Co' });
    const mine = await crm.api(agentA, 'POST', '/contacts', {
      firstName: 'A',
      lastName: 'B',
      companyId: myCompany.id,
    });
    expect(mine.statusCode, mine.body).toBe(201);
    const byOwner = await crm.api(owner, 'POST', '/contacts', {
      firstName: 'C',
      lastName: 'D',
      companyId: theirCompany.id,
    });
    expect(byOwner.statusCode, byOwner.body).toBe(201);
  });
});
