import { kpiResultSchema } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember } from '../helpers/members.ts';
import { memberWithRole } from '../helpers/tenant-fixtures.ts';

const t = setupApiTest();
const { api, create } = crmApi(t);
let owner: BrowserSession;
let agent: BrowserSession;
let noMoney: BrowserSession;
let crew: BrowserSession;
let other: BrowserSession;
let stages: { id: string; probability: number; kind: string }[];

const PERIOD = 'from=2026-01-01&to=2026-02-28&grouping=month';
const exec = (q: ReturnType<typeof sql>) => t.database.db.execute(q);

beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Kpi Owner' });
  other = await signUp(t.app, { name: 'Other Tenant' });
  agent = await addMember(t.app, t.database, owner, 'sales', 'Agent Smith');
  crew = await addMember(t.app, t.database, owner, 'crew');
  noMoney = await memberWithRole(t, owner.tenantId, {
    permissions: ['reports.view', 'reports.export', 'leads.view', 'deals.view'],
  });
  const [pipe] = (await api(owner, 'GET', '/pipelines')).json().data;
  stages = pipe.stages;
  const open = stages.filter((s) => s.kind === 'open');
  const vendor = await create(owner, '/lead-vendors', { name: 'Leads Inc', costPerLeadCents: 500 });
  const lead = async (as: BrowserSession, source: string, status: string, vendorId?: string) => {
    const l = await create(as, '/leads', {
      firstName: 'L',
      lastName: status,
      source,
      ...(vendorId ? { vendorId } : {}),
    });
    await exec(
      sql`update leads set status = ${status}, created_at = '2026-01-15T10:00:00Z' where id = ${l.id}`,
    );
    return l.id as string;
  };
  await lead(owner, 'web', 'new');
  await lead(owner, 'web', 'qualified', vendor.id);
  const wonLead = await lead(owner, 'fair', 'won', vendor.id);
  await lead(agent, 'web', 'in_progress');
  await lead(owner, 'web', 'lost');
  await lead(other, 'web', 'won'); // another tenant: never counted
  const deal = async (as: BrowserSession, stage: number, amountCents: number) =>
    (await create(as, '/deals', { title: 'D', pipelineId: pipe.id, stageId: open[stage]?.id, amountCents }))
      .id as string;
  await deal(owner, 0, 10_000);
  await deal(owner, 1, 20_000);
  await deal(agent, 0, 5_000);
  const closed = async (
    as: BrowserSession,
    status: string,
    amount: number,
    createdAt: string,
    closedAt: string,
    leadId?: string,
  ) => {
    const id = await deal(as, 0, amount);
    await exec(
      sql`update deals set status = ${status}, created_at = ${createdAt}, closed_at = ${closedAt}, lead_id = ${leadId ?? null} where id = ${id}`,
    );
  };
  await closed(owner, 'won', 30_000, '2026-01-01T12:00:00Z', '2026-01-11T12:00:00Z', wonLead);
  await closed(owner, 'lost', 9_000, '2026-01-02T12:00:00Z', '2026-01-20T12:00:00Z');
  await closed(agent, 'won', 7_000, '2026-02-01T00:00:00Z', '2026-02-06T00:00:00Z');
  await closed(owner, 'won', 99_000, '2025-06-01T00:00:00Z', '2025-06-02T00:00:00Z'); // outside the period
});

const kpi = async (as: BrowserSession, name: string, query = PERIOD) => {
  const res = await api(as, 'GET', `/reports/kpis/${name}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return kpiResultSchema.parse(res.json().data);
};

describe('CRM KPIs on prepared data', () => {
  it('pipeline value by stage, weighted by probability', async () => {
    const r = await kpi(owner, 'pipeline-value');
    const open = stages.filter((s) => s.kind === 'open');
    expect(r.rows[0]).toEqual({
      stage: expect.any(String),
      probability: open[0]?.probability,
      deals: 2,
      valueCents: 15_000,
      weightedCents: Math.round((15_000 * (open[0]?.probability ?? 0)) / 100),
    });
    expect(r.rows[1]).toMatchObject({ deals: 1, valueCents: 20_000 });
    expect(r.totals).toMatchObject({ deals: 3, valueCents: 35_000 });
    expect(r.drillDown).toBe('/deals');
  });

  it('win rate by month', async () => {
    const r = await kpi(owner, 'win-rate');
    expect(r.rows).toEqual([
      { period: '2026-01-01', won: 1, lost: 1, rate: 50 },
      { period: '2026-02-01', won: 1, lost: 0, rate: 100 },
    ]);
    expect(r.totals).toEqual({ period: null, won: 2, lost: 1, rate: 66.7 });
  });

  it('lead funnel with conversion between steps', async () => {
    const r = await kpi(owner, 'lead-funnel');
    expect(r.rows).toEqual([
      { status: 'new', leads: 1, reached: 4, conversion: null },
      { status: 'in_progress', leads: 1, reached: 3, conversion: 75 },
      { status: 'qualified', leads: 1, reached: 2, conversion: 66.7 },
      { status: 'won', leads: 1, reached: 1, conversion: 50 },
      { status: 'lost', leads: 1, reached: null, conversion: null },
    ]);
    expect(r.totals).toMatchObject({ leads: 5, conversion: 20 });
    const web = await kpi(owner, 'lead-funnel', `${PERIOD}&source=web`);
    expect(web.totals.leads).toBe(4);
    expect(web.drillDown).toBe('/leads?source=web');
  });

  it('leads by source and vendor with cost, revenue and ROI', async () => {
    const r = await kpi(owner, 'lead-sources');
    expect(r.rows).toEqual([
      { source: 'web', vendor: null, leads: 3, won: 0, costCents: 0, revenueCents: 0, roi: null },
      {
        source: 'fair',
        vendor: 'Leads Inc',
        leads: 1,
        won: 1,
        costCents: 500,
        revenueCents: 30_000,
        roi: 5900,
      },
      { source: 'web', vendor: 'Leads Inc', leads: 1, won: 0, costCents: 500, revenueCents: 0, roi: -100 },
    ]);
    expect(r.totals).toMatchObject({ leads: 5, costCents: 1000, revenueCents: 30_000, roi: 2900 });
  });

  it('deals won and revenue by month; average sales cycle', async () => {
    const revenue = await kpi(owner, 'revenue-by-month');
    expect(revenue.rows).toEqual([
      { period: '2026-01-01', won: 1, revenueCents: 30_000 },
      { period: '2026-02-01', won: 1, revenueCents: 7_000 },
    ]);
    expect(revenue.totals).toEqual({ period: null, won: 2, revenueCents: 37_000 });
    const cycle = await kpi(owner, 'sales-cycle');
    expect(cycle.rows.map((r) => r.averageDays)).toEqual([10, 5]);
    expect(cycle.totals.averageDays).toBe(7.5);
    const weeks = await kpi(owner, 'revenue-by-month', 'from=2026-01-05&to=2026-01-18&grouping=week');
    expect(weeks.rows).toEqual([
      { period: '2026-01-05', won: 1, revenueCents: 30_000 },
      { period: '2026-01-12', won: 0, revenueCents: 0 },
    ]);
  });

  it('an agent with scope own gets only their own numbers', async () => {
    expect((await kpi(agent, 'pipeline-value')).totals).toMatchObject({ deals: 1, valueCents: 5_000 });
    expect((await kpi(agent, 'win-rate')).totals).toEqual({ period: null, won: 1, lost: 0, rate: 100 });
    expect((await kpi(agent, 'revenue-by-month')).totals.revenueCents).toBe(7_000);
    expect((await kpi(agent, 'lead-funnel')).totals.leads).toBe(1);
  });

  it('without fields.money.view every amount is null; counts stay', async () => {
    const r = await kpi(noMoney, 'revenue-by-month');
    expect(r.moneyHidden).toBe(true);
    expect(r.rows).toEqual([
      { period: '2026-01-01', won: 1, revenueCents: null },
      { period: '2026-02-01', won: 1, revenueCents: null },
    ]);
    expect(r.totals.revenueCents).toBeNull();
    const sources = await kpi(noMoney, 'lead-sources');
    expect(sources.rows.every((row) => row.costCents === null && row.revenueCents === null)).toBe(true);
    const csv = await api(noMoney, 'GET', `/reports/kpis/revenue-by-month/export?${PERIOD}`);
    expect(csv.body).not.toContain('30000');
  });

  it('filters: owner; a filter the KPI does not take is a 400', async () => {
    expect((await kpi(owner, 'win-rate', `${PERIOD}&ownerId=${agent.userId}`)).totals).toMatchObject({
      won: 1,
      lost: 0,
    });
    const res = await api(owner, 'GET', `/reports/kpis/win-rate?${PERIOD}&source=web`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([
      { path: 'querystring.source', message: 'Not a filter of this KPI' },
    ]);
  });

  it('CSV export of a KPI: header, rows, totals; needs reports.export', async () => {
    const res = await api(owner, 'GET', `/reports/kpis/win-rate/export?${PERIOD}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.body).toBe(
      'Period,Won,Lost,Win rate\r\n2026-01-01,1,1,50\r\n2026-02-01,1,0,100\r\nTotal,2,1,66.7\r\n',
    );
    expect((await api(agent, 'GET', `/reports/kpis/win-rate/export?${PERIOD}`)).statusCode).toBe(403);
  });

  it('403 without reports.view or the data permission; 404 for an unknown KPI or with reporting off', async () => {
    expect((await api(crew, 'GET', '/reports/kpis/win-rate')).statusCode).toBe(403);
    expect((await api(owner, 'GET', '/reports/kpis/no-such-kpi')).statusCode).toBe(404);
    const list = (await api(agent, 'GET', '/reports/kpis')).json().data.map((k: { name: string }) => k.name);
    expect(list).toEqual(
      expect.arrayContaining([
        'pipeline-value',
        'win-rate',
        'lead-funnel',
        'lead-sources',
        'revenue-by-month',
        'sales-cycle',
      ]),
    );
    expect(list).not.toContain('ar-summary'); // invoices.view: not the sales agent's
    expect(
      (await api(owner, 'PATCH', '/feature-flags/reporting', { enabled: false, version: 0 })).statusCode,
    ).toBe(200);
    expect((await api(owner, 'GET', '/reports/kpis/win-rate')).statusCode).toBe(404);
    expect(
      (await api(owner, 'PATCH', '/feature-flags/reporting', { enabled: true, version: 1 })).statusCode,
    ).toBe(200);
    expect((await api(owner, 'GET', '/reports/kpis/win-rate')).statusCode).toBe(200);
  });

  it('lists each KPI with its module, how the period and grouping apply and whether it has money; not a module that is off', async () => {
    const info = (name: string) =>
      api(owner, 'GET', '/reports/kpis').then((r) =>
        r.json().data.find((k: { name: string }) => k.name === name),
      );
    expect(await info('win-rate')).toEqual({
      name: 'win-rate',
      title: 'Win rate',
      description: expect.any(String),
      module: 'crm',
      filters: ['ownerId', 'teamId', 'pipelineId'],
      grouped: true,
      period: 'range',
      money: false,
    });
    expect(await info('lead-funnel')).toMatchObject({ module: 'crm', grouped: false, period: 'range' });
    expect(await info('pipeline-value')).toMatchObject({ grouped: false, period: 'none', money: true });
    expect(await info('revenue-by-month')).toMatchObject({ grouped: true, money: true });
    expect(await info('invoice-ageing')).toMatchObject({ module: 'sales', period: 'end', grouped: false });
    expect((await api(owner, 'PATCH', '/feature-flags/crm', { enabled: false, version: 0 })).statusCode).toBe(
      200,
    );
    try {
      const names = (await api(owner, 'GET', '/reports/kpis'))
        .json()
        .data.map((k: { name: string }) => k.name);
      expect(names).toContain('ar-summary');
      expect(names).not.toContain('win-rate');
      expect(names).not.toContain('lead-funnel');
    } finally {
      expect(
        (await api(owner, 'PATCH', '/feature-flags/crm', { enabled: true, version: 1 })).statusCode,
      ).toBe(200);
    }
    expect(await info('win-rate')).toBeDefined();
  });

  it.each([
    ['from after to', 'from=2026-02-01&to=2026-01-01'],
    ['not a date', 'from=2026-02-30'],
    ['unknown grouping', 'grouping=year'],
    ['unknown parameter', 'limit=5'],
    ['more than three years', 'from=2020-01-01&to=2026-01-01'],
    ['owner not a uuid', 'ownerId=me'],
    ['NUL byte', 'source=a%00b'],
    ['oversize source', `source=${'x'.repeat(101)}`],
  ])('refuses %s with 400', async (_, query) => {
    expect((await api(owner, 'GET', `/reports/kpis/lead-funnel?${query}`)).statusCode).toBe(400);
  });
});
