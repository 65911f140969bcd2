import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { compactCrmRollups, crmImportJob } from '../../src/modules/crm/index.ts';
import { withTenant } from '../../src/platform/db/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { waitFor } from '../helpers/wait-for.ts';
import { rollupOracle } from './rollup-oracle.ts';

// ADR 0037: the CRM roll-ups (signed deltas written by statement triggers) always equal the base tables. After
// every kind of write the roll-up, summed per key, is compared with the same figures computed from leads and
// deals here (the oracle), and the KPIs that read it with a count from the base tables.

const t = setupApiTest({ jobs: () => [crmImportJob] });
const { api, create } = crmApi(() => t);
const { leadOracle, leadRollup, dealOracle, dealRollup, monthsOff } = rollupOracle(t);
let owner: BrowserSession;
let agent: BrowserSession;
let other: BrowserSession;
let pipe: { id: string; stages: { id: string; kind: string }[] };

const ok = async (as: BrowserSession, method: string, url: string, body?: object) => {
  const res = await api(as, method, url, body);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json().data;
};

/** The roll-ups of the tenant equal its base tables at both grains (the callers check they are not empty). */
const consistent = async (as: BrowserSession = owner) => {
  const leads = await leadOracle(as.tenantId);
  expect(await leadRollup(as.tenantId)).toEqual(leads);
  const deals = await dealOracle(as.tenantId);
  expect(await dealRollup(as.tenantId)).toEqual(deals);
  expect(await monthsOff('crm_lead_rollup', as.tenantId)).toEqual([]);
  expect(await monthsOff('crm_deal_rollup', as.tenantId)).toEqual([]);
  return { leads, deals };
};
const liveLeads = async (tenantId: string) =>
  (
    await dbRows<{ n: number }>(
      t,
      sql`select count(*)::int as n from leads where tenant_id = ${tenantId} and archived_at is null`,
    )
  )[0]?.n;
const totals = async (as: BrowserSession, kpi: string, query: string) => {
  const res = await api(as, 'GET', `/reports/kpis/${kpi}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().data.totals;
};
const funnelTotal = async (as: BrowserSession, query = 'from=2025-06-01&to=2027-12-31') =>
  (await totals(as, 'lead-funnel', query)).leads as number;

beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Rollup Owner' });
  other = await signUp(t.app, { name: 'Rollup Other' });
  agent = await addMember(t.app, t.database, owner, 'sales', 'Rollup Agent');
  [pipe] = (await api(owner, 'GET', '/pipelines')).json().data;
});

describe('CRM roll-ups stay equal to the base tables', () => {
  it('leads: create, status, owner, source, archive, restore, delete; another tenant apart', async () => {
    const vendor = await create(owner, '/lead-vendors', { name: 'Vendor', costPerLeadCents: 300 });
    const a = await create(owner, '/leads', { firstName: 'A', lastName: 'One', source: 'web' });
    const b = await create(owner, '/leads', { firstName: 'B', lastName: 'Two', vendorId: vendor.id });
    await create(agent, '/leads', { firstName: 'C', lastName: 'Three', source: 'fair' });
    await create(other, '/leads', { firstName: 'X', lastName: 'Other', source: 'web' });
    expect((await consistent()).leads.length).toBeGreaterThan(0);
    await consistent(other);
    expect(await funnelTotal(owner)).toBe(3);

    await ok(owner, 'POST', `/leads/${a.id}/status`, { status: 'qualified' });
    await consistent();
    await ok(owner, 'POST', `/leads/${a.id}/assign`, { ownerId: agent.userId });
    await consistent();
    const current = await ok(owner, 'GET', `/leads/${b.id}`);
    await ok(owner, 'PATCH', `/leads/${b.id}`, { source: 'phone', version: current.version });
    await consistent();
    await ok(owner, 'POST', `/leads/${a.id}/archive`);
    await consistent();
    expect(await funnelTotal(owner)).toBe(2);
    await ok(owner, 'POST', `/leads/${a.id}/restore`);
    await consistent();
    await ok(owner, 'DELETE', `/leads/${b.id}`);
    await consistent();
    expect(await funnelTotal(owner)).toBe(await liveLeads(owner.tenantId));
    await consistent(other);
  });

  it('deals: create, stage, amount, won, lost, a converted lead’s won deal, archive, restore, delete', async () => {
    const open = pipe.stages.filter((s) => s.kind === 'open');
    const deal = (amountCents: number) =>
      create(owner, '/deals', { title: 'D', pipelineId: pipe.id, stageId: open[0]?.id, amountCents });
    const d1 = await deal(10_000);
    const d2 = await deal(20_000);
    expect((await consistent()).deals.length).toBeGreaterThan(0);
    await ok(owner, 'POST', `/deals/${d1.id}/stage`, { stageId: open[1]?.id });
    await consistent();
    const cur = await ok(owner, 'GET', `/deals/${d1.id}`);
    await ok(owner, 'PATCH', `/deals/${d1.id}`, { amountCents: 15_000, version: cur.version });
    await consistent();
    await ok(owner, 'POST', `/deals/${d1.id}/won`);
    await ok(owner, 'POST', `/deals/${d2.id}/lost`, { reason: 'Price' });
    await consistent();

    const lead = await create(owner, '/leads', { firstName: 'Conv', lastName: 'Erted', source: 'web' });
    const converted = await ok(owner, 'POST', `/leads/${lead.id}/convert`, { amountCents: 50_000 });
    await consistent();
    await ok(owner, 'POST', `/deals/${converted.deal.id}/won`);
    const { leads } = await consistent();
    expect(leads.some((r) => r.revenue === '50000')).toBe(true);
    // The lead's key changes: its won revenue moves with it; the deal's amount changes: the lead's revenue too.
    await t.database.db.execute(sql`update leads set source = 'moved' where id = ${lead.id}`);
    await consistent();
    await t.database.db.execute(sql`update deals set amount_cents = 55000 where id = ${converted.deal.id}`);
    await consistent();
    await ok(owner, 'POST', `/deals/${converted.deal.id}/archive`);
    await consistent();
    await ok(owner, 'POST', `/deals/${converted.deal.id}/restore`);
    await consistent();
    await ok(owner, 'DELETE', `/deals/${d2.id}`);
    await consistent();
  });

  it('bulk: a CSV import and bulk status / stage changes', async () => {
    const before = await liveLeads(owner.tenantId);
    const csv = [
      'First name,Last name,Source',
      ...Array.from({ length: 60 }, (_, i) => `F${i},L${i},src${i % 3}`),
    ];
    const form = new FormData();
    form.append('file', new Blob([csv.join('\n')], { type: 'text/csv' }), 'import.csv');
    const body = new Response(form);
    const res = await asBrowser(t.app, owner, {
      method: 'POST',
      url: '/api/v1/leads/import',
      payload: Buffer.from(await body.arrayBuffer()),
      headers: { 'content-type': body.headers.get('content-type') as string },
    });
    expect(res.statusCode, res.body).toBe(202);
    await waitFor(async () => {
      const job = (await api(owner, 'GET', `/imports/${res.json().data.id}`)).json().data;
      return job.status === 'completed' ? job : undefined;
    }, 30_000);
    expect(await liveLeads(owner.tenantId)).toBe((before ?? 0) + 60);
    await consistent();
    expect(await funnelTotal(owner)).toBe((before ?? 0) + 60);

    const ids = (
      await dbRows<{ id: string }>(t, sql`select id from leads where tenant_id = ${owner.tenantId} limit 40`)
    ).map((r) => r.id);
    await ok(owner, 'POST', '/leads/bulk', { action: 'status', ids, status: 'lost', reason: 'Bulk' });
    await consistent();
    const first = pipe.stages.find((s) => s.kind === 'open');
    for (const amountCents of [1_000, 2_000, 3_000])
      await create(owner, '/deals', { title: 'B', pipelineId: pipe.id, stageId: first?.id, amountCents });
    const dealIds = (
      await dbRows<{ id: string }>(
        t,
        sql`select id from deals where tenant_id = ${owner.tenantId} and status = 'open'`,
      )
    ).map((r) => r.id);
    const last = pipe.stages.filter((s) => s.kind === 'open').at(-1);
    await ok(owner, 'POST', '/deals/bulk', { action: 'stage', ids: dealIds, stageId: last?.id });
    await consistent();
  });

  it('a rolled-back transaction leaves no trace in the roll-ups', async () => {
    const before = await leadRollup(owner.tenantId);
    const deltas = await dbRows(t, sql`select count(*)::int as n from crm_lead_rollup`);
    await expect(
      withTenant(t.database, owner.tenantId, async (tx) => {
        await tx.execute(sql`insert into leads (id, tenant_id, first_name, last_name, source)
          select gen_random_uuid(), ${owner.tenantId}, 'R', 'B' || g, 'rollback' from generate_series(1, 25) g`);
        await tx.execute(
          sql`update deals set status = 'won', closed_at = now() where tenant_id = ${owner.tenantId}`,
        );
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await leadRollup(owner.tenantId)).toEqual(before);
    expect(await dbRows(t, sql`select count(*)::int as n from crm_lead_rollup`)).toEqual(deltas);
    await consistent();
  });

  it('20 concurrent creates by the same owner on the same day all count', async () => {
    const before = (await liveLeads(owner.tenantId)) ?? 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api(owner, 'POST', '/leads', { firstName: 'Par', lastName: `P${i}`, source: 'parallel' }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const { leads } = await consistent();
    expect(leads.filter((r) => r.source === 'parallel').reduce((a, r) => a + Number(r.leads), 0)).toBe(20);
    expect(await funnelTotal(owner)).toBe(before + 20);
  });

  it('a time-zone change moves every row to its day in the new zone, in the same transaction', async () => {
    // 23:30 UTC is the next day in Kiritimati (UTC+14): the days must move.
    await t.database.db.execute(
      sql`update leads set created_at = '2026-03-01T23:30:00Z' where tenant_id = ${owner.tenantId}`,
    );
    await t.database.db.execute(
      sql`update deals set closed_at = '2026-03-01T23:30:00Z' where tenant_id = ${owner.tenantId} and status <> 'open'`,
    );
    const utc = await consistent();
    expect(utc.leads.every((r) => r.day === '2026-03-01')).toBe(true);
    const settings = await ok(owner, 'GET', '/settings');
    await ok(owner, 'PATCH', '/settings', { timezone: 'Pacific/Kiritimati', version: settings.version });
    const moved = await consistent();
    expect(moved.leads.every((r) => r.day === '2026-03-02')).toBe(true);
    expect(moved.deals.filter((r) => r.status !== 'open').every((r) => r.day === '2026-03-02')).toBe(true);

    // Periods of whole months, edge days and both: the month rows and the day rows add up the same.
    const all = await liveLeads(owner.tenantId);
    expect(await funnelTotal(owner, 'from=2026-02-15&to=2026-03-10')).toBe(all);
    expect(await funnelTotal(owner, 'from=2026-03-01&to=2026-03-31')).toBe(all);
    expect(await funnelTotal(owner, 'from=2026-03-02&to=2026-03-02')).toBe(all);
    expect(await funnelTotal(owner, 'from=2026-03-03&to=2026-04-30')).toBe(0);
    expect(await funnelTotal(owner, 'from=2026-01-01&to=2026-03-01')).toBe(0);
    const closed = moved.deals.filter((r) => r.status !== 'open').reduce((a, r) => a + Number(r.deals), 0);
    expect(closed).toBeGreaterThan(0);
    for (const q of [
      'from=2026-01-01&to=2026-06-30&grouping=month',
      'from=2026-02-20&to=2026-03-05&grouping=day',
    ]) {
      const rate = await totals(owner, 'win-rate', q);
      expect(rate.won + rate.lost).toBe(closed);
    }
  });

  it('compaction folds the deltas to one row per key and changes no figure', async () => {
    const rows = (table: 'crm_lead_rollup' | 'crm_deal_rollup') =>
      dbRows<{ n: number }>(
        t,
        sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${owner.tenantId} and grain = 'day'`,
      );
    const before = await consistent();
    await compactCrmRollups(t.database, owner.tenantId);
    const after = await consistent();
    expect(after).toEqual(before);
    expect((await rows('crm_lead_rollup'))[0]?.n).toBe(after.leads.length);
    expect((await rows('crm_deal_rollup'))[0]?.n).toBe(after.deals.length);
    await consistent(other);
  });

  it('deleting a tenant takes its roll-ups along (the triggers add nothing for it)', async () => {
    const gone = await signUp(t.app, { name: 'Rollup Gone' });
    await create(gone, '/leads', { firstName: 'G', lastName: 'One', source: 'web' });
    expect((await consistent(gone)).leads.length).toBe(1);
    await t.database.db.execute(sql`delete from tenants where id = ${gone.tenantId}`);
    const left = await dbRows(
      t,
      sql`select (select count(*)::int from crm_lead_rollup where tenant_id = ${gone.tenantId}) as leads,
                 (select count(*)::int from crm_deal_rollup where tenant_id = ${gone.tenantId}) as deals`,
    );
    expect(left).toEqual([{ leads: 0, deals: 0 }]);
    await consistent();
  });
});
