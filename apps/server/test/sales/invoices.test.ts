import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { auditActions, dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { catalogFor, eventTypes, SALES_TABLES } from './sales-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
let cat: Awaited<ReturnType<typeof catalogFor>>;
const t = setupApiTest();
const c = crmApi(() => t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  cat = await catalogFor(c, owner);
}, 60_000);

const year = new Date().getUTCFullYear();
const draft = (body: object = {}) =>
  c.create(owner, '/invoices', {
    lines: [
      { productId: cat.panel.id, quantity: '2' },
      { productId: cat.book.id, quantity: 1, discount: { kind: 'percent', valueBp: 1000 } },
      { description: 'Installation', quantity: '1.5', unitPriceCents: 8000 },
    ],
    ...body,
  });
const issue = (id: string) => c.api(owner, 'POST', `/invoices/${id}/issue`, {});

describe('invoice drafts', () => {
  it('prices lines from products and the default rate with the shared calculation; recalculates on change', async () => {
    const inv = await draft();
    // 2 × 249.90 = 499.80 @20 %; 19.99 − 10 % = 17.99 @7 %; 1.5 × 80 = 120.00 @20 % (the default rate)
    expect(inv).toMatchObject({
      kind: 'invoice',
      status: 'draft',
      number: null,
      currency: 'EUR',
      rounding: 'document',
    });
    expect(inv.lines.map((l: { netCents: number; taxRateBp: number }) => [l.netCents, l.taxRateBp])).toEqual([
      [49980, 2000],
      [1799, 700],
      [12000, 2000],
    ]);
    expect(inv.taxBreakdown).toEqual([
      { taxRateBp: 700, taxableMinor: 1799, taxMinor: 126 },
      { taxRateBp: 2000, taxableMinor: 61980, taxMinor: 12396 },
    ]);
    expect(inv).toMatchObject({ netCents: 63779, taxCents: 12522, totalCents: 76301, balanceCents: 76301 });
    const changed = await c.api(owner, 'PATCH', `/invoices/${inv.id}`, {
      discount: { kind: 'amount', valueMinor: 3779 },
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data).toMatchObject({
      subtotalCents: 63779,
      discountCents: 3779,
      netCents: 60000,
      version: 2,
    });
    const stale = await c.api(owner, 'PATCH', `/invoices/${inv.id}`, { notes: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
  });

  it('400 for bad input (dates out of order, quantities, discounts, unknown fields); nothing changes', async () => {
    const inv = await draft();
    const before = await c.snapshot(owner.tenantId, SALES_TABLES);
    const line = { description: 'X', quantity: 1, unitPriceCents: 100 };
    for (const body of [
      { issueDate: '2026-05-02', dueDate: '2026-05-01' },
      { lines: [{ ...line, quantity: '1.2345' }] },
      { lines: [{ ...line, quantity: 0 }] },
      { lines: [{ ...line, quantity: -1 }] },
      { lines: [{ ...line, unitPriceCents: -5 }] },
      { lines: [{ ...line, discount: { kind: 'percent', valueBp: 10001 } }] },
      { lines: [{ quantity: 1 }] },
      { lines: Array.from({ length: 201 }, () => line) },
      { discount: { kind: 'fixed', valueMinor: 1 } },
      { currency: 'euro' },
      { issueDate: '2026-13-01' },
      { number: 'INV-1' },
      { status: 'paid' },
      { customer: { name: 'A', vatId: 'x' } },
      { notes: 'x'.repeat(4001) },
    ])
      expect((await c.api(owner, 'POST', '/invoices', body)).statusCode, JSON.stringify(body)).toBe(400);
    expect(
      (await c.api(owner, 'PATCH', `/invoices/${inv.id}`, { dueDate: '2000-01-01', version: 1 })).statusCode,
    ).toBe(400);
    for (const q of ['status=paidish', 'sort=amount', 'minTotalCents=-1', 'extra=1'])
      expect((await c.api(owner, 'GET', `/invoices?${q}`)).statusCode, q).toBe(400);
    expect(await c.snapshot(owner.tenantId, SALES_TABLES)).toEqual(before);
  });

  it("another tenant's invoice, product, rate or company is a 404; nothing changes", async () => {
    const mine = await draft();
    const theirCat = await catalogFor(c, other);
    const theirs = await c.create(other, '/invoices', {
      lines: [{ productId: theirCat.panel.id, quantity: 1 }],
    });
    const theirCompany = await c.create(other, '/companies', { name: 'Their Co' });
    const before = [
      await c.snapshot(owner.tenantId, SALES_TABLES),
      await c.snapshot(other.tenantId, SALES_TABLES),
    ];
    for (const [method, url, body] of [
      ['GET', `/invoices/${theirs.id}`],
      ['PATCH', `/invoices/${theirs.id}`, { notes: 'x', version: 1 }],
      ['DELETE', `/invoices/${theirs.id}`],
      ['POST', `/invoices/${theirs.id}/issue`, {}],
      ['POST', `/invoices/${theirs.id}/void`, {}],
      ['POST', `/invoices/${theirs.id}/payments`, { paidOn: '2026-01-01', amountCents: 1, method: 'cash' }],
      ['GET', `/invoices/${theirs.id}/payments`],
      ['POST', `/invoices/${theirs.id}/credit-notes`, {}],
      ['POST', '/invoices', { lines: [{ productId: theirCat.panel.id, quantity: 1 }] }],
      [
        'POST',
        '/invoices',
        { lines: [{ description: 'x', quantity: 1, unitPriceCents: 1, taxRateId: theirCat.standard.id }] },
      ],
      ['POST', '/invoices', { companyId: theirCompany.id }],
      ['PATCH', `/invoices/${mine.id}`, { companyId: theirCompany.id, version: 1 }],
    ] as const)
      expect((await c.api(owner, method, url, body)).statusCode, `${method} ${url}`).toBe(404);
    expect([
      await c.snapshot(owner.tenantId, SALES_TABLES),
      await c.snapshot(other.tenantId, SALES_TABLES),
    ]).toEqual(before);
  });
});

describe('issuing', () => {
  it('numbers from the pattern, snapshots the customer, fixes the due date; then the invoice is immutable', async () => {
    const company = await c.create(owner, '/companies', {
      name: 'Željko Šćepanović d.o.o.',
      city: 'Zagreb',
      country: 'HR',
    });
    const inv = await draft({
      companyId: company.id,
      customer: { taxId: 'HR12345678901' },
      issueDate: `${year}-02-10`,
    });
    const res = await issue(inv.id);
    expect(res.statusCode, res.body).toBe(200);
    const issued = res.json().data;
    expect(issued.number).toMatch(new RegExp(`^INV-${year}-\\d{5}$`));
    expect(issued).toMatchObject({
      status: 'issued',
      dueDate: `${year}-02-24`,
      customer: {
        name: 'Željko Šćepanović d.o.o.',
        taxId: 'HR12345678901',
        address: { city: 'Zagreb', country: 'HR' },
      },
    });
    // The company changes later; the invoice keeps what it was.
    await c.api(owner, 'PATCH', `/companies/${company.id}`, { name: 'Renamed', version: 1 });
    expect((await c.api(owner, 'GET', `/invoices/${inv.id}`)).json().data.customer.name).toBe(
      'Željko Šćepanović d.o.o.',
    );

    const before = await c.snapshot(owner.tenantId, SALES_TABLES);
    expect(
      (await c.api(owner, 'PATCH', `/invoices/${inv.id}`, { notes: 'x', version: issued.version }))
        .statusCode,
    ).toBe(409);
    expect((await c.api(owner, 'DELETE', `/invoices/${inv.id}`)).statusCode).toBe(409);
    expect((await issue(inv.id)).statusCode).toBe(409);
    // The database refuses it too, whoever writes.
    for (const statement of [
      sql`update sales_documents set total_cents = 1 where id = ${inv.id}`,
      sql`update sales_documents set customer_name = 'Other' where id = ${inv.id}`,
      sql`update sales_documents set status = 'draft' where id = ${inv.id}`,
      sql`delete from sales_documents where id = ${inv.id}`,
      sql`update sales_document_lines set unit_price_cents = 1 where document_id = ${inv.id}`,
      sql`delete from sales_document_lines where document_id = ${inv.id}`,
    ])
      await expect(t.database.db.execute(statement)).rejects.toThrow();
    expect(await c.snapshot(owner.tenantId, SALES_TABLES)).toEqual(before);
    expect(await auditActions(t, owner.tenantId, inv.id)).toEqual(['invoice.created', 'invoice.issued']);
    expect(await eventTypes(t, owner.tenantId)).toContain('invoice.issued');
  });

  it('the database holds issue date ≤ due date and amounts ≥ 0', async () => {
    const inv = await draft();
    for (const statement of [
      sql`update sales_documents set due_date = issue_date - 1 where id = ${inv.id}`,
      sql`update sales_documents set total_cents = -1 where id = ${inv.id}`,
      sql`update sales_documents set paid_cents = total_cents + 1 where id = ${inv.id}`,
      sql`update sales_document_lines set net_cents = -1 where document_id = ${inv.id}`,
    ])
      await expect(t.database.db.execute(statement)).rejects.toThrow();
  });

  it('an empty draft cannot be issued; issuing needs invoices.issue', async () => {
    const empty = await c.create(owner, '/invoices', {});
    expect((await issue(empty.id)).statusCode).toBe(409);
    const inv = await draft();
    const clerk = await memberWithRole(t, owner.tenantId, {
      permissions: ['invoices.view', 'invoices.manage'],
    });
    expect((await c.api(clerk, 'POST', `/invoices/${inv.id}/issue`, {})).statusCode).toBe(403);
    expect((await c.api(clerk, 'POST', `/invoices/${inv.id}/void`, {})).statusCode).toBe(403);
  });

  it('20 concurrent issues get 20 different numbers without a gap', async () => {
    const tenant = await signUp(t.app);
    const drafts = [];
    for (let i = 0; i < 20; i++)
      drafts.push(
        await c.create(tenant, '/invoices', {
          lines: [{ description: `Item ${i}`, quantity: 1, unitPriceCents: 100 }],
        }),
      );
    const results = await Promise.all(
      drafts.map((d) => c.api(tenant, 'POST', `/invoices/${d.id}/issue`, {})),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(200));
    const numbers = results.map((r) => r.json().data.number as string).sort();
    expect(numbers).toEqual(
      Array.from({ length: 20 }, (_, i) => `INV-${year}-${String(i + 1).padStart(5, '0')}`),
    );
    const [counter] = await dbRows<{ last_value: number }>(
      t,
      sql`select last_value::int from sales_counters where tenant_id = ${tenant.tenantId} and kind = 'invoice'`,
    );
    expect(counter?.last_value).toBe(20);
  });

  it('the numbering pattern comes from the sales settings (version 409, bad patterns 400)', async () => {
    const tenant = await signUp(t.app);
    const s = (await c.api(tenant, 'GET', '/sales/settings')).json().data;
    expect(s).toMatchObject({ invoicePattern: 'INV-{YYYY}-{SEQ:5}', rounding: 'document', version: 1 });
    for (const body of [
      { invoicePattern: 'NOSEQ', version: 1 },
      { rounding: 'up', version: 1 },
      { version: 1, extra: 1 },
    ])
      expect((await c.api(tenant, 'PATCH', '/sales/settings', body)).statusCode, JSON.stringify(body)).toBe(
        400,
      );
    const changed = await c.api(tenant, 'PATCH', '/sales/settings', {
      invoicePattern: 'R{YY}/{SEQ:3}',
      version: 1,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await c.api(tenant, 'PATCH', '/sales/settings', { footer: 'x', version: 1 })).statusCode).toBe(
      409,
    );
    const inv = await c.create(tenant, '/invoices', {
      lines: [{ description: 'A', quantity: 1, unitPriceCents: 1 }],
    });
    const issued = (await c.api(tenant, 'POST', `/invoices/${inv.id}/issue`, {})).json().data;
    expect(issued.number).toBe(`R${String(year).slice(2)}/001`);
  });

  it('void: an issued invoice without payments; a voided one stays void', async () => {
    const inv = await draft();
    await issue(inv.id);
    const voided = await c.api(owner, 'POST', `/invoices/${inv.id}/void`, {});
    expect(voided.json().data).toMatchObject({ status: 'void' });
    expect((await c.api(owner, 'POST', `/invoices/${inv.id}/void`, {})).statusCode).toBe(409);
    await expect(
      t.database.db.execute(sql`update sales_documents set status = 'issued' where id = ${inv.id}`),
    ).rejects.toThrow();
  });
});
