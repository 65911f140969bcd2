import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { auditActions, memberWithRole } from '../helpers/tenant-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const c = crmApi(t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
});

const TABLES = ['lead_vendors', 'leads'];

describe('lead vendors', () => {
  it('creates, gets, lists by name, updates and deletes a vendor, audited', async () => {
    const v = await c.create(owner, '/lead-vendors', {
      name: 'Solar Leads Inc',
      contactEmail: 'Sales@SolarLeads.com',
      costPerLeadCents: 2500,
    });
    expect(v).toMatchObject({
      name: 'Solar Leads Inc',
      contactEmail: 'sales@solarleads.com',
      currency: 'USD',
      version: 1,
    });
    expect((await c.api(owner, 'GET', `/lead-vendors/${v.id}`)).json().data).toEqual(v);
    const changed = await c.api(owner, 'PATCH', `/lead-vendors/${v.id}`, {
      costPerLeadCents: 3000,
      version: 1,
    });
    expect(changed.json().data).toMatchObject({ costPerLeadCents: 3000, version: 2 });
    expect((await c.api(owner, 'DELETE', `/lead-vendors/${v.id}`)).statusCode).toBe(200);
    expect(await auditActions(t, owner.tenantId, v.id)).toEqual([
      'lead_vendor.created',
      'lead_vendor.updated',
      'lead_vendor.deleted',
    ]);
  });

  it('lists by name (case-insensitive), searches, pages every vendor once', async () => {
    for (const name of ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'])
      await c.create(owner, '/lead-vendors', { name });
    const names = (await c.pageAll<{ name: string }>(owner, '/lead-vendors?limit=2')).map((v) => v.name);
    expect(names).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
    const desc = (await c.pageAll<{ name: string }>(owner, '/lead-vendors?limit=2&sort=-name')).map(
      (v) => v.name,
    );
    expect(desc).toEqual(['echo', 'delta', 'charlie', 'Bravo', 'Alpha']);
    expect(
      (await c.api(owner, 'GET', '/lead-vendors?q=HAR')).json().data.map((v: { name: string }) => v.name),
    ).toEqual(['charlie']);
  });

  it('names are unique per tenant, whatever the case: 409 on create and rename, nothing changes', async () => {
    const a = await c.create(owner, '/lead-vendors', { name: 'Unique Vendor' });
    await c.create(owner, '/lead-vendors', { name: 'Other Vendor' });
    await c.create(other, '/lead-vendors', { name: 'Unique Vendor' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const dup = await c.api(owner, 'POST', '/lead-vendors', { name: 'unique VENDOR' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toEqual([{ path: 'body.name', message: 'Already used' }]);
    const rename = await c.api(owner, 'PATCH', `/lead-vendors/${a.id}`, { name: 'other vendor', version: 1 });
    expect(rename.statusCode).toBe(409);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });

  it('a vendor that leads name cannot be deleted (409), only archived; stale versions are a 409', async () => {
    const v = await c.create(owner, '/lead-vendors', { name: 'Used Vendor' });
    await c.create(owner, '/leads', { firstName: 'Bought', lastName: 'Lead', vendorId: v.id });
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect((await c.api(owner, 'DELETE', `/lead-vendors/${v.id}`)).statusCode).toBe(409);
    expect((await c.api(owner, 'PATCH', `/lead-vendors/${v.id}`, { name: 'X', version: 9 })).statusCode).toBe(
      409,
    );
    expect((await c.api(owner, 'POST', `/lead-vendors/${v.id}/archive`, { version: 9 })).statusCode).toBe(
      409,
    );
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const archived = await c.api(owner, 'POST', `/lead-vendors/${v.id}/archive`, { version: 1 });
    expect(archived.json().data.archivedAt).not.toBeNull();
    expect(
      (await c.api(owner, 'GET', '/lead-vendors?limit=100')).json().data.map((x: { id: string }) => x.id),
    ).not.toContain(v.id);
  });
});

describe('lead vendors: access and bad input', () => {
  it("another tenant's vendor is a 404 everywhere, also as a lead's vendorId; nothing changes", async () => {
    const theirs = await c.create(other, '/lead-vendors', { name: 'Their Vendor' });
    const before = await c.snapshot(other.tenantId, TABLES);
    for (const [method, url, body] of [
      ['GET', `/lead-vendors/${theirs.id}`],
      ['PATCH', `/lead-vendors/${theirs.id}`, { name: 'Mine', version: 1 }],
      ['DELETE', `/lead-vendors/${theirs.id}`],
      ['POST', `/lead-vendors/${theirs.id}/archive`, {}],
      ['POST', '/leads', { firstName: 'A', lastName: 'B', vendorId: theirs.id }],
    ] as const) {
      expect((await c.api(owner, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    }
    expect(await c.snapshot(other.tenantId, TABLES)).toEqual(before);
  });

  it('reading needs leads.view, writing leads.update', async () => {
    const crew = await addMember(t.app, t.database, owner, 'crew');
    const reader = await memberWithRole(t, owner.tenantId, { permissions: ['leads.view'] });
    const marketing = await addMember(t.app, t.database, owner, 'marketing');
    const v = await c.create(owner, '/lead-vendors', { name: 'Perm Vendor' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect((await c.api(crew, 'GET', '/lead-vendors')).statusCode).toBe(403);
    expect((await c.api(reader, 'GET', '/lead-vendors')).statusCode).toBe(200);
    expect((await c.api(reader, 'POST', '/lead-vendors', { name: 'Nope' })).statusCode).toBe(403);
    expect(
      (await c.api(reader, 'PATCH', `/lead-vendors/${v.id}`, { name: 'Nope', version: 1 })).statusCode,
    ).toBe(403);
    expect((await c.api(reader, 'DELETE', `/lead-vendors/${v.id}`)).statusCode).toBe(403);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    expect((await c.api(marketing, 'POST', '/lead-vendors', { name: 'Marketing Vendor' })).statusCode).toBe(
      201,
    );
  });

  it('400 for wrong types, missing / unknown / oversize fields, bad ids and cursors', async () => {
    const v = await c.create(owner, '/lead-vendors', { name: 'Valid Vendor' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      {},
      { name: '' },
      { name: 'x'.repeat(201) },
      { name: 'A', costPerLeadCents: -1 },
      { name: 'A', costPerLeadCents: 1.5 },
      { name: 'A', currency: 'usd' },
      { name: 'A', contactEmail: 'nope' },
      { name: 'A', tenantId: other.tenantId },
    ]) {
      expect((await c.api(owner, 'POST', '/lead-vendors', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await c.api(owner, 'PATCH', `/lead-vendors/${v.id}`, { name: 'B' })).statusCode).toBe(400);
    for (const q of [
      'sort=createdAt',
      'limit=500',
      'cursor=%%%',
      `cursor=${c.craftedCursor('a', 'b')}`,
      'extra=1',
    ]) {
      expect((await c.api(owner, 'GET', `/lead-vendors?${q}`)).statusCode, q).toBe(400);
    }
    expect((await c.api(owner, 'GET', '/lead-vendors/zzz')).statusCode).toBe(400);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});
