import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi, MISSING_ID } from '../helpers/crm-api.ts';
import { dbRows, memberWithRole } from '../helpers/tenant-fixtures.ts';

const t = setupApiTest();
const c = crmApi(() => t);
let owner: BrowserSession;
let other: BrowserSession;
let agent: BrowserSession;
let salesRoleId: string;
let panels: string;
const year = new Date().getUTCFullYear();
const today = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  owner = await signUp(t.app);
  other = await signUp(t.app);
  agent = await memberWithRole(t, owner.tenantId, { key: 'sales' });
  const [role] = await dbRows<{ id: string }>(
    t,
    sql`select id from roles where tenant_id = ${owner.tenantId} and key = 'sales'`,
  );
  salesRoleId = role?.id ?? '';
  panels = (await c.create(owner, '/product-categories', { name: 'Panels' })).id;
  const product = await c.create(owner, '/products', {
    sku: 'PNL-1',
    name: 'Solar panel',
    unitPriceCents: 10_000,
    currency: 'USD',
    categoryId: panels,
  });
  await c.create(owner, '/commission-rules', { name: 'Sales 5 %', roleId: salesRoleId, rateBp: 500 });
  await c.create(owner, '/commission-rules', {
    name: 'Panels 10 %',
    roleId: salesRoleId,
    categoryId: panels,
    rateBp: 1000,
  });
  productId = product.id;
}, 60_000);
let productId = '';

/** An issued invoice owned by the agent: 2 panels (200.00, category rule) + 300.00 work (role rule), no tax. */
const issuedForAgent = async () => {
  const inv = await c.create(owner, '/invoices', {
    ownerId: agent.userId,
    lines: [
      { productId, description: 'Panels', quantity: 2, unitPriceCents: 10_000 },
      { description: 'Work', quantity: 1, unitPriceCents: 30_000 },
    ],
  });
  const res = await c.api(owner, 'POST', `/invoices/${inv.id}/issue`, {});
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data as { id: string; totalCents: number };
};
const pay = async (id: string, amountCents: number) => {
  const res = await c.api(owner, 'POST', `/invoices/${id}/payments`, {
    paidOn: `${year}-03-01`,
    amountCents,
    method: 'bank_transfer',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data as { id: string };
};
const linesOf = (invoiceId: string) =>
  dbRows<{ base_cents: string; amount_cents: string; rate_bp: number; reason: string }>(
    t,
    sql`select base_cents, amount_cents, rate_bp, reason from commission_lines where invoice_id = ${invoiceId} order by created_at, id`,
  );
const totalOf = async (invoiceId: string) =>
  (await linesOf(invoiceId)).reduce((a, l) => a + Number(l.amount_cents), 0);
const statement = (as: BrowserSession, query: string) =>
  c.api(as, 'GET', `/commissions/statement?from=${today}&to=${today}${query}`);

describe('commissions', () => {
  it('a paid invoice earns its owner the most specific rule per line; partial payments earn their share', async () => {
    const inv = await issuedForAgent();
    expect(inv.totalCents).toBe(50_000);
    expect(await linesOf(inv.id)).toEqual([]);
    await pay(inv.id, 25_000); // half paid: 100.00 panels at 10 %, 150.00 work at 5 %
    expect(await totalOf(inv.id)).toBe(1000 + 750);
    await pay(inv.id, 25_000);
    expect(await totalOf(inv.id)).toBe(2000 + 1500);

    const res = await statement(agent, '');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json().data;
    expect(body.userId).toBe(agent.userId);
    expect(body.totals.amountCents).toBe(3500);
    expect(body.lines.map((l: { ruleName: string }) => l.ruleName).sort()).toEqual([
      'Panels 10 %',
      'Panels 10 %',
      'Sales 5 %',
      'Sales 5 %',
    ]);
  });

  it('a deleted payment gives the commission back; a credit note lowers what the rest earns', async () => {
    const inv = await issuedForAgent();
    const payment = await pay(inv.id, 50_000);
    expect(await totalOf(inv.id)).toBe(3500);
    expect((await c.api(owner, 'DELETE', `/payments/${payment.id}`)).statusCode).toBe(200);
    expect(await totalOf(inv.id)).toBe(0);
    expect((await linesOf(inv.id)).filter((l) => Number(l.amount_cents) < 0)).toHaveLength(2);
    // Credit the work line (300.00), then pay the rest: only the panels earn.
    const work = (
      (await c.api(owner, 'GET', `/invoices/${inv.id}`)).json().data.lines as {
        id: string;
        description: string;
      }[]
    ).find((l) => l.description === 'Work');
    const credit = await c.api(owner, 'POST', `/invoices/${inv.id}/credit-notes`, {
      lines: [{ lineId: work?.id, quantity: 1 }],
    });
    expect(credit.statusCode, credit.body).toBe(201);
    expect(await totalOf(inv.id)).toBe(0);
    await pay(inv.id, 20_000);
    expect(await totalOf(inv.id)).toBe(2000);
  });

  it('an agent sees only their own statement; a manager of commissions sees anyone’s', async () => {
    expect((await statement(agent, `&userId=${owner.userId}`)).statusCode).toBe(403);
    expect((await statement(owner, `&userId=${agent.userId}`)).statusCode).toBe(200);
    expect((await statement(owner, '')).json().data.lines).toEqual([]);
  });

  it('bad rules and other tenants’ ids are refused with nothing changed', async () => {
    const before = await c.snapshot(owner.tenantId, ['commission_rules', 'commission_lines']);
    for (const body of [
      { name: 'Both', roleId: salesRoleId, userId: agent.userId, rateBp: 100 },
      { name: 'Neither', rateBp: 100 },
      { name: 'Too much', roleId: salesRoleId, rateBp: 10_001 },
      {
        name: 'Tiers down',
        roleId: salesRoleId,
        rateBp: 100,
        tiers: [
          { fromCents: 500, rateBp: 1 },
          { fromCents: 100, rateBp: 2 },
        ],
      },
      { name: 'x\u0000', roleId: salesRoleId, rateBp: 100 },
      { name: 'Extra', roleId: salesRoleId, rateBp: 100, extra: 1 },
      { name: 'Rate', roleId: salesRoleId, rateBp: '5' },
    ]) {
      const res = await c.api(owner, 'POST', '/commission-rules', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const foreignRole = await dbRows<{ id: string }>(
      t,
      sql`select id from roles where tenant_id = ${other.tenantId} and key = 'sales'`,
    );
    for (const body of [
      { name: 'Foreign role', roleId: foreignRole[0]?.id, rateBp: 100 },
      { name: 'Foreign agent', userId: other.userId, rateBp: 100 },
      { name: 'Missing category', roleId: salesRoleId, categoryId: MISSING_ID, rateBp: 100 },
    ]) {
      const res = await c.api(owner, 'POST', '/commission-rules', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(404);
    }
    // The agent may read rules but not change them; another tenant sees none.
    expect((await c.api(agent, 'GET', '/commission-rules')).statusCode).toBe(200);
    expect(
      (await c.api(agent, 'POST', '/commission-rules', { name: 'Me', userId: agent.userId, rateBp: 9000 }))
        .statusCode,
    ).toBe(403);
    expect((await c.api(other, 'GET', '/commission-rules')).json().data).toEqual([]);
    expect(await c.snapshot(owner.tenantId, ['commission_rules', 'commission_lines'])).toEqual(before);
  });
});
