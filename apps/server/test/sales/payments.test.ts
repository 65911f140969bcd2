import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { auditActions, memberWithRole } from '../helpers/tenant-fixtures.ts';
import { counters, eventTypes, SALES_TABLES } from './sales-fixtures.ts';

let owner: BrowserSession;
let other: BrowserSession;
const t = setupApiTest();
const c = crmApi(() => t);
beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
}, 60_000);

const year = new Date().getUTCFullYear();
/** An issued invoice of 100.00 + 20 % = 120.00 (two lines: 60 + 40 net). */
const issued = async (as: BrowserSession = owner) => {
  await c.api(as, 'POST', '/tax-rates', { name: 'VAT 20', rateBp: 2000, isDefault: true });
  const inv = await c.create(as, '/invoices', {
    lines: [
      { description: 'Panels', quantity: 3, unitPriceCents: 2000 },
      { description: 'Work', quantity: '0.5', unitPriceCents: 8000 },
    ],
  });
  const res = await c.api(as, 'POST', `/invoices/${inv.id}/issue`, {});
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json().data as { id: string; totalCents: number; lines: { id: string }[] };
};
const pay = (id: string, amountCents: number, as: BrowserSession = owner) =>
  c.api(as, 'POST', `/invoices/${id}/payments`, {
    paidOn: `${year}-03-01`,
    amountCents,
    method: 'bank_transfer',
  });
const invoice = async (id: string) => (await c.api(owner, 'GET', `/invoices/${id}`)).json().data;

describe('payments', () => {
  it('a partial then the final payment: partially_paid, then paid (invoice.paid once)', async () => {
    const inv = await issued();
    expect(inv.totalCents).toBe(12000);
    const first = await pay(inv.id, 5000);
    expect(first.statusCode, first.body).toBe(201);
    expect(await invoice(inv.id)).toMatchObject({
      status: 'partially_paid',
      paidCents: 5000,
      balanceCents: 7000,
    });
    expect((await pay(inv.id, 7000)).statusCode).toBe(201);
    expect(await invoice(inv.id)).toMatchObject({ status: 'paid', balanceCents: 0 });
    expect((await pay(inv.id, 1)).statusCode).toBe(409);
    expect((await eventTypes(t, owner.tenantId)).filter((e) => e === 'invoice.paid')).toHaveLength(1);
    const list = (await c.api(owner, 'GET', `/invoices/${inv.id}/payments`)).json().data;
    expect(list.map((p: { amountCents: number }) => p.amountCents)).toEqual([5000, 7000]);
  });

  it('never more than the open balance: 409 and nothing changes', async () => {
    const inv = await issued();
    await pay(inv.id, 10000);
    const before = await c.snapshot(owner.tenantId, SALES_TABLES);
    const res = await pay(inv.id, 2001);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details).toEqual([{ path: 'body.amountCents', message: 'At most 2000' }]);
    expect(await c.snapshot(owner.tenantId, SALES_TABLES)).toEqual(before);
  });

  it('two concurrent payments that together overpay: exactly one is recorded', async () => {
    const inv = await issued();
    const results = await Promise.all([pay(inv.id, 7000), pay(inv.id, 7000)]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await invoice(inv.id)).toMatchObject({
      paidCents: 7000,
      balanceCents: 5000,
      status: 'partially_paid',
    });
    const list = (await c.api(owner, 'GET', `/invoices/${inv.id}/payments`)).json().data;
    expect(list).toHaveLength(1);
  });

  it('deleting a payment is audited and reopens the balance; a draft or void invoice takes no payment', async () => {
    const inv = await issued();
    const p = (await pay(inv.id, 12000)).json().data;
    expect((await invoice(inv.id)).status).toBe('paid');
    const del = await c.api(owner, 'DELETE', `/payments/${p.id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(await invoice(inv.id)).toMatchObject({
      status: 'issued',
      paidCents: 0,
      balanceCents: 12000,
      paidAt: null,
    });
    expect(await auditActions(t, owner.tenantId, p.id)).toEqual(['payment.created', 'payment.deleted']);
    expect((await c.api(owner, 'DELETE', `/payments/${p.id}`)).statusCode).toBe(404);
    const draft = await c.create(owner, '/invoices', {
      lines: [{ description: 'A', quantity: 1, unitPriceCents: 100 }],
    });
    expect((await pay(draft.id, 1)).statusCode).toBe(409);
    await c.api(owner, 'POST', `/invoices/${inv.id}/void`, {});
    expect((await pay(inv.id, 1)).statusCode).toBe(409);
  });

  it('void refuses an invoice with payments', async () => {
    const inv = await issued();
    await pay(inv.id, 100);
    expect((await c.api(owner, 'POST', `/invoices/${inv.id}/void`, {})).statusCode).toBe(409);
  });

  it("bad input is a 400, another tenant's invoice or payment a 404, permissions hold; nothing changes", async () => {
    const inv = await issued();
    const theirs = await issued(other);
    const theirPayment = (await pay(theirs.id, 100, other)).json().data;
    const viewer = await memberWithRole(t, owner.tenantId, {
      permissions: ['invoices.view', 'payments.view'],
    });
    const before = [
      await c.snapshot(owner.tenantId, SALES_TABLES),
      await c.snapshot(other.tenantId, SALES_TABLES),
    ];
    const good = { paidOn: `${year}-03-01`, amountCents: 100, method: 'cash' };
    for (const body of [
      {},
      { ...good, amountCents: 0 },
      { ...good, amountCents: -5 },
      { ...good, amountCents: 1.5 },
      { ...good, amountCents: '100' },
      { ...good, method: 'bitcoin' },
      { ...good, paidOn: 'yesterday' },
      { ...good, reference: 'x'.repeat(201) },
      { ...good, extra: 1 },
    ])
      expect(
        (await c.api(owner, 'POST', `/invoices/${inv.id}/payments`, body)).statusCode,
        JSON.stringify(body),
      ).toBe(400);
    expect((await c.api(owner, 'POST', `/invoices/${theirs.id}/payments`, good)).statusCode).toBe(404);
    expect((await c.api(owner, 'DELETE', `/payments/${theirPayment.id}`)).statusCode).toBe(404);
    expect((await c.api(viewer, 'POST', `/invoices/${inv.id}/payments`, good)).statusCode).toBe(403);
    expect((await c.api(viewer, 'GET', `/invoices/${inv.id}/payments`)).statusCode).toBe(200);
    expect([
      await c.snapshot(owner.tenantId, SALES_TABLES),
      await c.snapshot(other.tenantId, SALES_TABLES),
    ]).toEqual(before);
  });
});

describe('credit notes', () => {
  it('credit some lines: own numbering, the invoice balance goes down; then credit the rest → paid', async () => {
    const tenant = await signUp(t.app);
    const inv = await issued(tenant);
    const [panels, work] = inv.lines as [{ id: string }, { id: string }];
    const res = await c.api(tenant, 'POST', `/invoices/${inv.id}/credit-notes`, {
      lines: [{ lineId: panels.id, quantity: 1 }],
    });
    expect(res.statusCode, res.body).toBe(201);
    const note = res.json().data;
    expect(note).toMatchObject({
      kind: 'credit_note',
      status: 'issued',
      number: `CN-${year}-00001`,
      sourceId: inv.id,
      totalCents: 2400,
    });
    const after = (await c.api(tenant, 'GET', `/invoices/${inv.id}`)).json().data;
    expect(after).toMatchObject({ creditedCents: 2400, balanceCents: 9600, status: 'partially_paid' });
    expect((await c.api(tenant, 'GET', `/credit-notes/${note.id}`)).json().data.lines).toHaveLength(1);
    // More than invoiced on a line, or more than the balance: refused, nothing changes.
    const before = [await c.snapshot(tenant.tenantId, SALES_TABLES), await counters(t, tenant.tenantId)];
    expect(
      (
        await c.api(tenant, 'POST', `/invoices/${inv.id}/credit-notes`, {
          lines: [{ lineId: work.id, quantity: 1 }],
        })
      ).statusCode,
    ).toBe(400);
    expect((await c.api(tenant, 'POST', `/invoices/${inv.id}/credit-notes`, {})).statusCode).toBe(409);
    expect(
      (
        await c.api(tenant, 'POST', `/invoices/${inv.id}/credit-notes`, {
          lines: [{ lineId: note.id, quantity: 1 }],
        })
      ).statusCode,
    ).toBe(400);
    expect([await c.snapshot(tenant.tenantId, SALES_TABLES), await counters(t, tenant.tenantId)]).toEqual(
      before,
    );
    const rest = await c.api(tenant, 'POST', `/invoices/${inv.id}/credit-notes`, {
      lines: [
        { lineId: panels.id, quantity: 2 },
        { lineId: work.id, quantity: '0.5' },
      ],
    });
    expect(rest.json().data.number).toBe(`CN-${year}-00002`);
    expect((await c.api(tenant, 'GET', `/invoices/${inv.id}`)).json().data).toMatchObject({
      status: 'paid',
      balanceCents: 0,
    });
    const notes = (await c.api(tenant, 'GET', '/credit-notes')).json().data;
    expect(notes).toHaveLength(2);
    expect(await eventTypes(t, tenant.tenantId)).toContain('credit_note.issued');
  });
});
