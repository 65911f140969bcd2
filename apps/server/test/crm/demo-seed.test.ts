import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { identityDeps } from '../../src/app.ts';
import { DEMO_COUNTS, seedCrmDemo as seedDemoData } from '../../src/modules/crm/index.ts';
import { SALES_DEMO_COUNTS } from '../../src/modules/sales/index.ts';
import { DEMO, DEMO_MEMBERS, seedDemo } from '../../src/seed/demo-seed.ts';
import { createGeneratedTenant } from '../../src/seed/generate.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, logIn } from '../helpers/auth-client.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';

let owner: BrowserSession;
let seeded: Awaited<ReturnType<typeof seedDemo>>;
const deps = () => identityDeps({ config: t.config, jwtSecret: TEST_JWT_SECRET, database: t.database });

const t = setupApiTest();
beforeAll(async () => {
  seeded = await seedDemo(deps());
  owner = await logIn(t.app, DEMO.email, DEMO.password);
}, 60_000);

const count = async (table: string, tenantId: string, where = sql`true`) => {
  const [row] = await dbRows<{ n: number }>(
    t,
    sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${tenantId} and ${where}`,
  );
  return row?.n ?? 0;
};

describe('demo company', () => {
  it('is created once, with its team, and reports every sign-in', async () => {
    expect(seeded).toMatchObject({ created: true, email: DEMO.email, password: DEMO.password });
    expect(seeded.members.map((m) => m.role)).toEqual(['manager', 'sales', 'sales', 'dispatch', 'customer']);
    const again = await seedDemo(deps());
    expect(again.created).toBe(false);
    expect(await count('leads', owner.tenantId)).toBe(DEMO_COUNTS.leads);
    const members = (await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/members' })).json()
      .data as {
      email: string;
    }[];
    expect(members.map((m) => m.email).sort()).toEqual(
      [DEMO.email, ...DEMO_MEMBERS.map((m) => m.email)].sort(),
    );
    // Every member signs in with the demo password.
    for (const m of DEMO_MEMBERS) await logIn(t.app, m.email, DEMO.password);
  });

  it('has the expected number of each record', async () => {
    const tenant = owner.tenantId;
    expect(await count('lead_vendors', tenant)).toBe(DEMO_COUNTS.vendors);
    expect(await count('companies', tenant)).toBe(DEMO_COUNTS.companies);
    expect(await count('contacts', tenant)).toBe(DEMO_COUNTS.contacts);
    expect(await count('leads', tenant)).toBe(DEMO_COUNTS.leads);
    expect(await count('deals', tenant)).toBe(DEMO_COUNTS.deals);
    expect(await count('activities', tenant)).toBe(DEMO_COUNTS.activities);
    expect(await count('tasks', tenant)).toBe(DEMO_COUNTS.tasks);
  });

  it('looks like real work: every status and stage, owners vary, won leads converted, tasks overdue and done', async () => {
    const tenant = owner.tenantId;
    const statuses = await dbRows<{ status: string; n: number }>(
      t,
      sql`select status, count(*)::int as n from leads where tenant_id = ${tenant} group by status order by status`,
    );
    expect(statuses).toEqual([
      { status: 'in_progress', n: 75 },
      { status: 'lost', n: 60 },
      { status: 'new', n: 105 },
      { status: 'qualified', n: 36 },
      { status: 'won', n: 24 },
    ]);
    expect(await count('leads', tenant, sql`status = 'won' and converted_contact_id is null`)).toBe(0);
    const [owners] = await dbRows<{ n: number }>(
      t,
      sql`select count(distinct owner_id)::int as n from leads where tenant_id = ${tenant}`,
    );
    expect(owners?.n).toBeGreaterThanOrEqual(4);
    const stages = await dbRows<{ n: number }>(
      t,
      sql`select count(distinct stage_id)::int as n from deals where tenant_id = ${tenant}`,
    );
    expect(stages[0]?.n).toBe(6);
    expect(await count('deals', tenant, sql`status = 'won' and closed_at is not null`)).toBe(8);
    expect(await count('deals', tenant, sql`status = 'lost' and lost_reason is not null`)).toBe(6);
    expect(await count('tasks', tenant, sql`status in ('open', 'in_progress') and due_at < now()`)).toBe(20);
    expect(await count('tasks', tenant, sql`status = 'done' and completed_at is not null`)).toBe(25);
    expect(await count('activities', tenant, sql`occurred_at > now()`)).toBe(0);
  });

  it("has a portal customer who sees their company's sent quotes, issued invoices and payments only", async () => {
    const customer = await logIn(t.app, 'customer@demo.tessera.test', DEMO.password);
    const get = async (url: string) => {
      const res = await asBrowser(t.app, customer, { method: 'GET', url: `/api/v1${url}` });
      expect(res.statusCode, `${url} ${res.body}`).toBe(200);
      return res.json().data;
    };
    expect((await get('/portal/me')).company.name).toBeTruthy();
    expect(await get('/portal/quotes')).toHaveLength(SALES_DEMO_COUNTS.quotes - 1);
    const invoices = await get('/portal/invoices');
    expect(invoices.map((i: { status: string }) => i.status).sort()).toEqual(['paid', 'partially_paid']);
    expect(await get('/portal/payments')).toHaveLength(SALES_DEMO_COUNTS.payments);
    expect(await count('sales_documents', owner.tenantId, sql`kind = 'quote'`)).toBe(
      SALES_DEMO_COUNTS.quotes,
    );
    // The documents name their seller: the demo company, from the sales settings.
    const settings = await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/sales/settings' });
    expect(settings.json().data).toMatchObject({
      sellerName: 'Demo Services Co',
      sellerEmail: 'billing@demo.tessera.test',
    });
    // Each seeded document reads back with its lines (the owner's view and the customer's).
    const ownerList = await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/invoices' });
    for (const inv of ownerList.json().data as { id: string; totalCents: number }[]) {
      const one = await asBrowser(t.app, owner, { method: 'GET', url: `/api/v1/invoices/${inv.id}` });
      expect(one.json().data.lines.length, one.body).toBeGreaterThan(0);
    }
    const leads = await asBrowser(t.app, customer, { method: 'GET', url: '/api/v1/leads' });
    expect(leads.statusCode).toBe(403);
  });

  it('is listed through the API for the demo owner', async () => {
    const lists: [string, number][] = [
      ['leads', DEMO_COUNTS.leads],
      ['companies', DEMO_COUNTS.companies],
      ['contacts', DEMO_COUNTS.contacts],
      ['deals', DEMO_COUNTS.deals],
      ['activities', DEMO_COUNTS.activities],
      ['tasks', DEMO_COUNTS.tasks],
      ['lead-vendors', DEMO_COUNTS.vendors],
    ];
    for (const [path, total] of lists) {
      const res = await asBrowser(t.app, owner, {
        method: 'GET',
        url: `/api/v1/${path}?limit=5&includeTotal=true`,
      });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      const body = res.json();
      expect(body.data.length, path).toBe(Math.min(5, total));
      expect(body.pagination.total, path).toBe(total);
    }
    const duplicates = (
      await asBrowser(t.app, owner, { method: 'GET', url: '/api/v1/leads/duplicates' })
    ).json().data as unknown[];
    expect(duplicates.length).toBeGreaterThanOrEqual(3);
  });

  it('is the same data on every run (seeded PRNG, dates relative to the seeding time)', async () => {
    const now = new Date('2026-03-01T12:00:00Z');
    const snapshot = async () => {
      const g = await createGeneratedTenant(deps(), { agents: 3 });
      const [manager, sales1, sales2, dispatcher] = g.memberIds.slice(1) as [string, string, string, string];
      await seedDemoData(
        t.database,
        g.tenantId,
        {
          owner: g.ownerId,
          manager,
          sales: [sales1, sales2],
          dispatcher,
        },
        now,
      );
      return dbRows(
        t,
        sql`select first_name, last_name, status, source, score, created_at from leads
            where tenant_id = ${g.tenantId} order by created_at, first_name, last_name`,
      );
    };
    const [a, b] = [await snapshot(), await snapshot()];
    expect(a).toHaveLength(DEMO_COUNTS.leads);
    expect(a).toEqual(b);
  });
});
