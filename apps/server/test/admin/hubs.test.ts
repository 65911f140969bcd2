import {
  baseHubConfig,
  deepMerge,
  type HubConfig,
  hubConfigSchema,
  hubWidgets,
  myHubSchema,
  roleHubConfigs,
  roleHubSchema,
  roleTemplates,
} from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { registeredKpi } from '../../src/modules/reporting/kpi-registry.ts';
import { enterScope } from '../../src/platform/db/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { addMember, roleByKey } from '../helpers/members.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';

const t = setupApiTest();
const { api } = crmApi(t);
let owner: BrowserSession;
let other: BrowserSession;
let sales: BrowserSession;
let crew: BrowserSession;
let salesRoleId: string;

beforeAll(async () => {
  owner = await signUp(t.app, { name: 'Hub Owner' });
  other = await signUp(t.app, { name: 'Other Tenant' });
  sales = await addMember(t.app, t.database, owner, 'sales');
  crew = await addMember(t.app, t.database, owner, 'crew');
  salesRoleId = (await roleByKey(t.app, owner, 'sales')).id;
});

const myHub = async (as: BrowserSession) => {
  const res = await api(as, 'GET', '/hub');
  expect(res.statusCode, res.body).toBe(200);
  return myHubSchema.parse(res.json().data);
};
const roleHub = async (roleId = salesRoleId) => {
  const res = await api(owner, 'GET', `/hubs/${roleId}`);
  expect(res.statusCode, res.body).toBe(200);
  return roleHubSchema.parse(res.json().data);
};
const save = (override: object, version: number, as = owner, roleId = salesRoleId) =>
  api(as, 'POST', `/hubs/${roleId}/versions`, { override, version });
const unchanged = async () => ({
  rows: await dbRows(
    t,
    sql`select * from hub_overrides where tenant_id = ${owner.tenantId} order by version`,
  ),
  audit: (await dbRows(t, sql`select id from audit_logs where tenant_id = ${owner.tenantId}`)).length,
});
const ids = (items: { id: string }[]) => items.map((i) => i.id);

const extraWidget = {
  id: 'team-activity',
  type: 'activity-feed',
  title: 'Team activity',
  dataSource: 'activities:recent',
  area: { x: 0, y: 7, w: 12, h: 3 },
  refreshSeconds: 60,
  options: {},
  permission: 'activities.view',
};

describe('role hubs', () => {
  it('each member gets their role’s hub, without the widgets and entries they may not see', async () => {
    const s = await myHub(sales);
    expect(s.config.metadata.displayName).toBe('Sales hub');
    expect(s.version).toBe(0);
    expect(ids(s.config.navigation.items)).toEqual([
      'dashboard',
      'leads',
      'deals',
      'contacts',
      'companies',
      'tasks',
      'quotes',
      'commissions',
      'scheduling',
      'reports',
    ]);
    expect(ids(s.config.dashboard.widgets)).toContain('win-rate');
    const c = await myHub(crew);
    expect(c.config.metadata.displayName).toBe('Crew hub');
    // The crew role has no reports.view nor leads.view: no KPI widget, no leads entry.
    expect(ids(c.config.dashboard.widgets)).toEqual(['my-tasks']);
    expect(ids(c.config.navigation.items)).not.toContain('leads');
  });

  it('the owner saves an override (adds a widget, removes a navigation entry); sales members see it at once', async () => {
    const before = await roleHub();
    expect(before).toMatchObject({ roleKey: 'sales', override: null, version: 0 });
    const items = before.base.navigation.items.filter((i) => i.id !== 'quotes');
    const widgets = [...before.base.dashboard.widgets, extraWidget];
    const res = await save(
      { navigation: { items }, dashboard: { widgets }, metadata: { displayName: 'Sellers' } },
      0,
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({
      version: 1,
      effective: { metadata: { displayName: 'Sellers' } },
    });
    const s = await myHub(sales);
    expect(s.version).toBe(1);
    expect(s.config.metadata.displayName).toBe('Sellers');
    expect(ids(s.config.navigation.items)).not.toContain('quotes');
    expect(ids(s.config.dashboard.widgets)).toContain('team-activity');
    // Other roles and tenants are untouched.
    expect((await myHub(crew)).config.metadata.displayName).toBe('Crew hub');
    expect((await myHub(other)).config.metadata.displayName).toBe('Owner hub');
    const [audit] = await dbRows<{ action: string; target_id: string }>(
      t,
      sql`select action, target_id from audit_logs where tenant_id = ${owner.tenantId} and action like 'hub.%'`,
    );
    expect(audit).toEqual({ action: 'hub.saved', target_id: salesRoleId });
  });

  it('a widget needing a permission the role lacks is saved but not shown to its members', async () => {
    const { base, override, version } = await roleHub();
    const invoices = { ...extraWidget, id: 'invoices', permission: 'invoices.view' };
    const widgets = [
      ...((override?.dashboard as { widgets: unknown[] })?.widgets ?? base.dashboard.widgets),
      invoices,
    ];
    expect((await save({ ...override, dashboard: { widgets } }, version)).statusCode).toBe(201);
    expect(ids((await myHub(sales)).config.dashboard.widgets)).not.toContain('invoices');
    expect(ids((await myHub(owner)).config.dashboard.widgets)).not.toContain('invoices'); // the owner's own hub
  });

  it('every KPI widget the repository ships needs reports.view and its KPI’s own permission and module', () => {
    const list = (v: string | string[] | undefined) =>
      v === undefined ? [] : typeof v === 'string' ? [v] : v;
    let checked = 0;
    for (const template of roleTemplates) {
      const config = hubConfigSchema.parse(deepMerge(baseHubConfig, roleHubConfigs[template.key]));
      for (const widget of config.dashboard.widgets) {
        if (!widget.dataSource.startsWith('kpi:')) continue;
        const def = registeredKpi(widget.dataSource.slice(4));
        expect(def, `${template.key}: ${widget.dataSource}`).toBeDefined();
        expect(list(widget.permission), widget.id).toEqual(
          expect.arrayContaining(['reports.view', def?.permission]),
        );
        expect(list(widget.feature), widget.id).toEqual(expect.arrayContaining(['reporting', def?.feature]));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('a money KPI widget shows to the owner but not to sales, who hold reports.view but not invoices.view', async () => {
    expect(ids((await myHub(owner)).config.dashboard.widgets)).toEqual(
      expect.arrayContaining(['invoice-ageing', 'receivables', 'ar-by-month']),
    );
    const { base, override } = await roleHub();
    const ageing = { ...hubWidgets.invoiceAgeing, area: { x: 0, y: 20, w: 12, h: 3 } };
    const widgets = [
      ...((override?.dashboard as { widgets: unknown[] })?.widgets ?? base.dashboard.widgets),
      ageing,
    ];
    const res = await api(owner, 'POST', `/hubs/${salesRoleId}/preview`, {
      override: { ...override, dashboard: { widgets } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const shown = ids((res.json().data as HubConfig).dashboard.widgets);
    expect(shown).toContain('win-rate'); // reports.view + deals.view: held
    expect(shown).not.toContain('invoice-ageing');
    // Saved for the owner's role, the owner sees it.
    const ownerRole = await roleHub((await roleByKey(t.app, owner, 'owner')).id);
    expect(ids(ownerRole.effective.dashboard.widgets)).toContain('invoice-ageing');
    // Its data answers 403 to sales anyway.
    expect((await api(sales, 'GET', '/reports/kpis/invoice-ageing')).statusCode).toBe(403);
  });

  it('an invalid override is refused with one error per field and nothing is saved', async () => {
    const before = await unchanged();
    const { version } = await roleHub();
    const res = await save(
      {
        metadata: { displayName: '', colour: 'red' },
        dashboard: { widgets: [{ ...extraWidget, area: { x: 6, y: 0, w: 12, h: 1 }, type: 'iframe' }] },
        navigation: { items: [{ id: 'evil', label: 'Evil', path: 'https://evil.test' }] },
      },
      version,
    );
    expect(res.statusCode, res.body).toBe(400);
    const paths = res.json().error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'body.override.metadata.displayName',
        'body.override.metadata',
        'body.override.dashboard.widgets.0.type',
        'body.override.navigation.items.0.path',
      ]),
    );
    expect(await unchanged()).toEqual(before);
  });

  it.each([
    ['unknown body field', { override: {}, version: 0, extra: 1 }],
    ['override not an object', { override: [], version: 0 }],
    ['missing version', { override: {} }],
    ['NUL byte', { override: { metadata: { displayName: 'A\u0000B' } }, version: 0 }],
    ['oversize override', { override: { metadata: { displayName: 'x'.repeat(70_000) } }, version: 0 }],
  ])('refuses %s with 400', async (_, body) => {
    const before = await unchanged();
    const res = await api(owner, 'POST', `/hubs/${salesRoleId}/versions`, body);
    expect(res.statusCode, res.body).toBe(400);
    expect(await unchanged()).toEqual(before);
  });

  it('a stale version answers 409; 403 without settings.manage; another tenant’s role 404', async () => {
    const before = await unchanged();
    expect((await save({}, 0)).statusCode).toBe(409);
    const { version } = await roleHub();
    expect((await save({}, version, sales)).statusCode).toBe(403);
    expect((await api(sales, 'GET', `/hubs/${salesRoleId}`)).statusCode).toBe(403);
    const foreign = (await roleByKey(t.app, other, 'sales')).id;
    expect((await save({}, 0, owner, foreign)).statusCode).toBe(404);
    expect((await api(owner, 'GET', `/hubs/${foreign}`)).statusCode).toBe(404);
    expect((await api(owner, 'GET', `/hubs/${foreign}/versions`)).statusCode).toBe(404);
    expect(await unchanged()).toEqual(before);
  });

  it('preview shows what the role would see, and saves nothing', async () => {
    const before = await unchanged();
    const res = await api(owner, 'POST', `/hubs/${salesRoleId}/preview`, {
      override: { metadata: { displayName: 'Preview' } },
    });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json().data as HubConfig;
    expect(preview.metadata.displayName).toBe('Preview');
    expect(ids(preview.dashboard.widgets)).not.toContain('invoices');
    expect(await unchanged()).toEqual(before);
  });

  it('rollback saves an earlier version again as the newest; the history lists every version', async () => {
    const { version } = await roleHub();
    const res = await api(owner, 'POST', `/hubs/${salesRoleId}/rollback`, { toVersion: 1, version });
    expect(res.statusCode, res.body).toBe(200);
    const [v1] = await dbRows<{ config: unknown }>(
      t,
      sql`select config from hub_overrides where tenant_id = ${owner.tenantId} and version = 1`,
    );
    expect(res.json().data).toMatchObject({ version: version + 1, override: v1?.config });
    expect(ids((await myHub(sales)).config.dashboard.widgets)).toContain('team-activity');
    const history = (await api(owner, 'GET', `/hubs/${salesRoleId}/versions`)).json().data;
    expect(history.map((h: { version: number }) => h.version)).toEqual([version + 1, version, 1]);
    expect(history[0]).toMatchObject({
      current: true,
      note: 'Rollback to version 1',
      createdBy: owner.userId,
    });
    expect(
      (await api(owner, 'POST', `/hubs/${salesRoleId}/rollback`, { toVersion: 99, version: version + 1 }))
        .statusCode,
    ).toBe(404);
  });

  it('the database keeps versions append-only for the app role', async () => {
    await expect(
      t.database.db.transaction(async (tx) => {
        await enterScope(tx, { tenantId: owner.tenantId, userId: owner.userId });
        await tx.execute(sql`update hub_overrides set note = 'x'`);
      }),
    ).rejects.toThrow();
  });

  it('concurrent saves on the same version: exactly one is stored', async () => {
    const { version } = await roleHub();
    const results = await Promise.all(
      ['A', 'B', 'C'].map((name) => save({ metadata: { displayName: name } }, version)),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect((await roleHub()).version).toBe(version + 1);
  });
});
