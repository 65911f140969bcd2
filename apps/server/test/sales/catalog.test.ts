import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { crmImportJob } from '../../src/modules/crm/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { auditActions, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { waitFor } from '../helpers/wait-for.ts';

let owner: BrowserSession;
let other: BrowserSession;
const t = setupApiTest({ jobs: () => [crmImportJob] });
const c = crmApi(() => t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
}, 60_000);

const TABLES = ['products', 'tax_rates', 'product_categories'];

describe('tax rates', () => {
  it('creates, lists, updates; one default per tenant (a new default takes over, audited)', async () => {
    const std = await c.create(owner, '/tax-rates', { name: 'Standard 19%', rateBp: 1900, isDefault: true });
    expect(std).toMatchObject({ rateBp: 1900, inclusive: false, isDefault: true, category: 'S', version: 1 });
    const reduced = await c.create(owner, '/tax-rates', { name: 'Reduced 7%', rateBp: 700, isDefault: true });
    expect(reduced.isDefault).toBe(true);
    const std2 = (await c.api(owner, 'GET', `/tax-rates/${std.id}`)).json().data;
    expect(std2).toMatchObject({ isDefault: false, version: 2 });
    expect(await auditActions(t, owner.tenantId, std.id)).toEqual(['tax_rate.created', 'tax_rate.updated']);
    const list = await c.pageAll<{ name: string }>(owner, '/tax-rates?sort=rateBp&limit=1');
    expect(list.map((r) => r.name)).toEqual(['Reduced 7%', 'Standard 19%']);
    const dup = await c.api(owner, 'POST', '/tax-rates', { name: 'standard 19%', rateBp: 1 });
    expect(dup.statusCode).toBe(409);
  });

  it('400 for rates out of range, wrong types and unknown fields; nothing changes', async () => {
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      {},
      { name: 'X', rateBp: -1 },
      { name: 'X', rateBp: 10_001 },
      { name: 'X', rateBp: 19.5 },
      { name: 'X', rateBp: '1900' },
      { name: 'X', rateBp: 100, category: 'Q' },
      { name: 'X', rateBp: 100, extra: true },
      { name: 'x'.repeat(101), rateBp: 100 },
    ])
      expect((await c.api(owner, 'POST', '/tax-rates', body)).statusCode, JSON.stringify(body)).toBe(400);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
  });
});

describe('product categories', () => {
  it('form a tree; a parent of another tenant is a 404, a cycle is a 400', async () => {
    const root = await c.create(owner, '/product-categories', { name: 'Hardware' });
    const child = await c.create(owner, '/product-categories', { name: 'Panels', parentId: root.id });
    const grandchild = await c.create(owner, '/product-categories', {
      name: 'Mono panels',
      parentId: child.id,
    });
    const theirs = await c.create(other, '/product-categories', { name: 'Theirs' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    expect(
      (await c.api(owner, 'POST', '/product-categories', { name: 'Bad', parentId: theirs.id })).statusCode,
    ).toBe(404);
    const cycle = await c.api(owner, 'PATCH', `/product-categories/${root.id}`, {
      parentId: grandchild.id,
      version: 1,
    });
    expect(cycle.statusCode).toBe(400);
    expect(
      (await c.api(owner, 'PATCH', `/product-categories/${root.id}`, { parentId: root.id, version: 1 }))
        .statusCode,
    ).toBe(400);
    // A category with children cannot be deleted (archive it instead).
    expect((await c.api(owner, 'DELETE', `/product-categories/${root.id}`)).statusCode).toBe(409);
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const kids = (await c.api(owner, 'GET', `/product-categories?parentId=${root.id}`)).json().data;
    expect(kids.map((k: { name: string }) => k.name)).toEqual(['Panels']);
  });
});

describe('products', () => {
  it('creates with a tax rate and category, SKU unique per tenant whatever the case, version 409', async () => {
    const rate = await c.create(owner, '/tax-rates', { name: 'Products 20%', rateBp: 2000 });
    const cat = await c.create(owner, '/product-categories', { name: 'Services' });
    const p = await c.create(owner, '/products', {
      sku: 'SRV-001',
      name: 'Installation hour',
      kind: 'service',
      unit: 'h',
      unitPriceCents: 8500,
      currency: 'EUR',
      taxRateId: rate.id,
      categoryId: cat.id,
    });
    expect(p).toMatchObject({ sku: 'SRV-001', unitPriceCents: 8500, active: true, kind: 'service' });
    await c.create(other, '/products', { sku: 'SRV-001', name: 'Theirs', unitPriceCents: 1 });
    const before = await c.snapshot(owner.tenantId, TABLES);
    const dup = await c.api(owner, 'POST', '/products', { sku: 'srv-001', name: 'Again', unitPriceCents: 1 });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details).toEqual([{ path: 'body.sku', message: 'Already used' }]);
    expect((await c.api(owner, 'PATCH', `/products/${p.id}`, { name: 'X', version: 7 })).statusCode).toBe(
      409,
    );
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const changed = await c.api(owner, 'PATCH', `/products/${p.id}`, { unitPriceCents: 9000, version: 1 });
    expect(changed.json().data).toMatchObject({ unitPriceCents: 9000, version: 2 });
    expect(await auditActions(t, owner.tenantId, p.id)).toEqual(['product.created', 'product.updated']);
    const found = (await c.api(owner, 'GET', '/products?q=install')).json().data;
    expect(found.map((x: { id: string }) => x.id)).toEqual([p.id]);
  });

  it("another tenant's product, tax rate or category is a 404 everywhere; nothing changes", async () => {
    const theirRate = await c.create(other, '/tax-rates', { name: 'Their rate', rateBp: 100 });
    const theirCat = await c.create(other, '/product-categories', { name: 'Their cat' });
    const theirs = await c.create(other, '/products', { sku: 'THEIRS-1', name: 'Theirs', unitPriceCents: 5 });
    const mine = await c.create(owner, '/products', { sku: 'MINE-1', name: 'Mine', unitPriceCents: 5 });
    const before = [await c.snapshot(owner.tenantId, TABLES), await c.snapshot(other.tenantId, TABLES)];
    for (const [method, url, body] of [
      ['GET', `/products/${theirs.id}`],
      ['PATCH', `/products/${theirs.id}`, { name: 'Mine now', version: 1 }],
      ['DELETE', `/products/${theirs.id}`],
      ['POST', `/products/${theirs.id}/archive`, {}],
      ['GET', `/tax-rates/${theirRate.id}`],
      ['GET', `/product-categories/${theirCat.id}`],
      ['POST', '/products', { sku: 'NEW-1', name: 'N', unitPriceCents: 1, taxRateId: theirRate.id }],
      ['PATCH', `/products/${mine.id}`, { categoryId: theirCat.id, version: 1 }],
    ] as const)
      expect((await c.api(owner, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    expect([await c.snapshot(owner.tenantId, TABLES), await c.snapshot(other.tenantId, TABLES)]).toEqual(
      before,
    );
  });

  it('400 for bad input; reading needs products.view, writing products.manage; prices hidden without money', async () => {
    const p = await c.create(owner, '/products', { sku: 'BAD-0', name: 'Valid', unitPriceCents: 100 });
    const viewer = await memberWithRole(t, owner.tenantId, { permissions: ['products.view'] });
    const crew = await memberWithRole(t, owner.tenantId, { key: 'crew' });
    const before = await c.snapshot(owner.tenantId, TABLES);
    for (const body of [
      {},
      { sku: 'A', name: 'A' },
      { sku: 'A', name: 'A', unitPriceCents: -1 },
      { sku: 'A', name: 'A', unitPriceCents: 1.5 },
      { sku: 'A b', name: 'A', unitPriceCents: 1 },
      { sku: 'x'.repeat(65), name: 'A', unitPriceCents: 1 },
      { sku: 'A', name: 'A', unitPriceCents: 1, currency: 'eur' },
      { sku: 'A', name: 'A', unitPriceCents: 1, kind: 'gadget' },
      { sku: 'A', name: 'A', unitPriceCents: 1, tenantId: other.tenantId },
      { sku: 'A', name: 'A', unitPriceCents: 1, taxRateId: 'nope' },
      { sku: 'A', name: 'A\u0000', unitPriceCents: 1 },
    ])
      expect((await c.api(owner, 'POST', '/products', body)).statusCode, JSON.stringify(body)).toBe(400);
    for (const q of ['sort=price', 'limit=0', 'active=yes', 'extra=1', `cursor=${c.craftedCursor(5)}`])
      expect((await c.api(owner, 'GET', `/products?${q}`)).statusCode, q).toBe(400);
    expect((await c.api(crew, 'GET', '/products')).statusCode).toBe(403);
    expect(
      (await c.api(viewer, 'POST', '/products', { sku: 'V', name: 'V', unitPriceCents: 1 })).statusCode,
    ).toBe(403);
    expect((await c.api(viewer, 'PATCH', `/products/${p.id}`, { name: 'V', version: 1 })).statusCode).toBe(
      403,
    );
    expect(await c.snapshot(owner.tenantId, TABLES)).toEqual(before);
    const seen = (await c.api(viewer, 'GET', `/products/${p.id}`)).json().data;
    expect(seen.name).toBe('Valid');
    expect(seen).not.toHaveProperty('unitPriceCents');
  });
});

describe('products CSV', () => {
  const upload = async (as: BrowserSession, csv: string) => {
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'products.csv');
    const body = new Response(form);
    return asBrowser(t.app, as, {
      method: 'POST',
      url: '/api/v1/products/import',
      payload: Buffer.from(await body.arrayBuffer()),
      headers: { 'content-type': body.headers.get('content-type') as string },
    });
  };

  it('imports rows (price in major units), reports bad ones, skips SKU duplicates; exports them back', async () => {
    const tenant = await signUp(t.app);
    await c.create(tenant, '/products', { sku: 'EXIST-1', name: 'Existing', unitPriceCents: 1 });
    const csv = [
      'SKU,Name,Price,Unit,Type',
      'IMP-1,Solar panel 400W,249.90,pcs,product',
      'IMP-2,Inverter service,85,h,service',
      ',No SKU,1,pcs,product',
      'exist-1,Duplicate,2,pcs,product',
      'IMP-3,Bad price,abc,pcs,product',
    ].join('\n');
    const res = await upload(tenant, csv);
    expect(res.statusCode, res.body).toBe(202);
    const job = await waitFor(async () => {
      const j = (await c.api(tenant, 'GET', `/imports/${res.json().data.id}`)).json().data;
      return j.status === 'completed' || j.status === 'failed' ? j : undefined;
    }, 30_000);
    expect(job).toMatchObject({ status: 'completed', created: 2, skipped: 1 });
    expect([...new Set(job.errors.map((e: { row: number }) => e.row))].sort()).toEqual([4, 5, 6]);
    const exp = await c.api(tenant, 'GET', '/products/export?sort=sku&headers=keys');
    expect(exp.statusCode).toBe(200);
    const [header, ...rows] = parse(exp.body) as string[][];
    expect(header?.slice(0, 7)).toEqual([
      'id',
      'sku',
      'name',
      'description',
      'kind',
      'unit',
      'unitPriceCents',
    ]);
    expect(rows.map((r) => [r[1], r[6]])).toEqual([
      ['EXIST-1', '1'],
      ['IMP-1', '24990'],
      ['IMP-2', '8500'],
    ]);
  });

  it('import and export need products.import / products.export', async () => {
    const viewer = await memberWithRole(t, owner.tenantId, { permissions: ['products.view'] });
    expect((await upload(viewer, 'SKU,Name,Price\nA,B,1')).statusCode).toBe(403);
    expect((await c.api(viewer, 'GET', '/products/export')).statusCode).toBe(403);
  });
});
