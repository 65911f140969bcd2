import { listParams, recordBase, sortParam } from '@tessera/contracts';
import { getTableColumns, sql } from 'drizzle-orm';
import { pgTable, text } from 'drizzle-orm/pg-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type ImportEntityDef,
  registerImportEntity,
  text as textField,
} from '../../src/modules/crm/imports/import-entities.ts';
import { crmImportJob } from '../../src/modules/crm/index.ts';
import { tenants, users } from '../../src/modules/identity/index.ts';
import type { AuthedContext } from '../../src/platform/context/service-context.ts';
import {
  baseDto,
  deleteRecord,
  findRecord,
  insertRecord,
  inTenant,
  type ListSpec,
  RECORD_EXPORT_COLUMNS,
  type RecordDef,
  recordColumnsFor,
  registerExport,
  registerRecordRoutes,
  registerRelatedType,
  relatedColumns,
  relatedOf,
  runList,
  setArchived,
  updateRecord,
} from '../../src/platform/records/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { asBrowser, type BrowserSession, signUp } from '../helpers/auth-client.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import { waitFor } from '../helpers/wait-for.ts';

/*
 * A throw-away entity, declared only here, gets the record kit's routes, a timeline, links, a CSV import and
 * a CSV export by registering itself — no shared file names it.
 */
const { recordColumns, ownerColumn } = recordColumnsFor({
  tenantId: () => tenants.id,
  userId: () => users.id,
});
const widgets = pgTable('test_widgets', {
  ...recordColumns(),
  ownerId: ownerColumn(),
  name: text('name').notNull(),
});
type WidgetRow = typeof widgets.$inferSelect;

const widgetDef: RecordDef = {
  name: 'widget',
  label: 'Widget',
  table: widgets,
  scope: 'companies',
  owner: widgets.ownerId,
  auditFields: ['name', 'archivedAt'],
};
const widgetSchema = z.object({ ...recordBase, name: z.string() });
const widgetInput = z.strictObject({ name: z.string().trim().min(1).max(100) });
const widgetUpdate = z.strictObject({ name: z.string().trim().min(1).max(100), version: z.number().int() });
const widgetList = z.strictObject({ ...listParams, sort: sortParam(['name', 'createdAt'], 'name') });
const toWidget = (r: WidgetRow) => ({ ...baseDto(r), name: r.name });
const widgetColumns = getTableColumns(widgets);
const widgetListSpec = (): ListSpec => ({
  table: widgets,
  id: widgets.id,
  tenantId: widgets.tenantId,
  archivedAt: widgets.archivedAt,
  sorts: {
    name: { expr: widgets.name, type: 'text' },
    createdAt: { expr: widgets.createdAt, type: 'timestamp' },
  },
  where: [],
});
const listWidgets = (ctx: AuthedContext, q: z.output<typeof widgetList>) =>
  inTenant(ctx, async (tx) => {
    const { rows, pagination } = await runList<WidgetRow>(
      tx,
      widgetListSpec(),
      ctx.tenantId,
      q,
      widgetColumns,
    );
    return { items: rows.map(toWidget), pagination };
  });

registerRelatedType({ type: 'widget', def: widgetDef, view: 'companies.view', key: 'widgetId' });
registerExport({
  entity: 'widgets',
  permission: 'companies.export',
  def: widgetDef,
  query: widgetList,
  spec: widgetListSpec,
  select: widgetColumns,
  columns: ['id', 'name', ...RECORD_EXPORT_COLUMNS],
  toDtos: async (_tx, _ctx, rows) => rows.map((r) => toWidget(r as WidgetRow)),
});
registerImportEntity({
  entity: 'widgets',
  def: widgetDef,
  permission: 'companies.import',
  schema: widgetInput as unknown as z.ZodType<Record<string, unknown>>,
  fields: { name: textField('widgetname') },
  required: [['name']],
  duplicateKeys: [],
  columns: { name: widgets.name },
} as unknown as ImportEntityDef);

let owner: BrowserSession;
const t = setupApiTest({
  jobs: () => [crmImportJob],
  plugins: [
    async (app, { database }) =>
      registerRecordRoutes(app, database, {
        base: '/api/v1/widgets',
        tag: 'widgets',
        def: widgetDef,
        permissions: {
          view: 'companies.view',
          create: 'companies.create',
          update: 'companies.update',
          delete: 'companies.delete',
        },
        schemas: { dto: widgetSchema, create: widgetInput, update: widgetUpdate, list: widgetList },
        service: {
          list: listWidgets,
          get: (ctx, id) => inTenant(ctx, async (tx) => toWidget(await findRecord(tx, ctx, widgetDef, id))),
          create: (ctx, input) =>
            inTenant(ctx, async (tx) => toWidget(await insertRecord(tx, ctx, widgetDef, input))),
          update: (ctx, id, { version, ...patch }) =>
            inTenant(ctx, async (tx) => {
              const { after } = await updateRecord<WidgetRow>(tx, ctx, widgetDef, {
                id,
                version,
                patch,
                toDto: toWidget,
              });
              return toWidget(after);
            }),
          archive: (ctx, id, { archived, version }) =>
            inTenant(ctx, async (tx) =>
              toWidget(
                (
                  await setArchived<WidgetRow>(tx, ctx, widgetDef, {
                    id,
                    archived,
                    version,
                    toDto: toWidget,
                  })
                ).after,
              ),
            ),
          remove: (ctx, id) => inTenant(ctx, (tx) => deleteRecord(tx, ctx, widgetDef, id)),
        },
        timeline: 'widget',
      }),
  ],
});
beforeAll(async () => {
  await t.database.db.execute(sql`create table test_widgets (
    id uuid primary key, tenant_id uuid not null references tenants(id) on delete cascade,
    created_at timestamptz not null default now(), updated_at timestamptz not null default now(),
    created_by uuid references users(id) on delete set null, version integer not null default 1,
    archived_at timestamptz, owner_id uuid references users(id) on delete set null, name text not null)`);
  owner = await signUp(t.app);
}, 60_000);

const api = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  asBrowser(t.app, owner, { method, url: `/api/v1${url}`, ...(payload ? { payload } : {}) });

describe('a throw-away entity registered with the record kit', () => {
  it('gets create, get, list, update with versions and a timeline of its changes', async () => {
    const created = await api('POST', '/widgets', { name: 'Sprocket' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().data.id as string;
    const stale = await api('PATCH', `/widgets/${id}`, { name: 'Gear', version: 9 });
    expect(stale.statusCode).toBe(409);
    const changed = await api('PATCH', `/widgets/${id}`, { name: 'Gear', version: 1 });
    expect(changed.json().data).toMatchObject({ name: 'Gear', version: 2 });
    const list = await api('GET', '/widgets?sort=name');
    expect(list.json().data.map((w: { name: string }) => w.name)).toEqual(['Gear']);

    const timeline = await api('GET', `/widgets/${id}/timeline`);
    expect(timeline.statusCode, timeline.body).toBe(200);
    expect(timeline.json().data.map((i: { kind: string; title: string }) => [i.kind, i.title])).toEqual([
      ['audit', 'widget.updated'],
      ['audit', 'widget.created'],
    ]);
    expect((await api('GET', `/widgets/${id}/timeline?cursor=nonsense`)).statusCode).toBe(400);
  });

  it('is a link type: its link column is set, read back and filtered like the CRM ones', () => {
    const id = '01a1fcbb-0000-7000-8000-000000000001';
    expect(relatedColumns({ type: 'widget', id })).toMatchObject({ widgetId: id, leadId: null });
    expect(relatedOf({ leadId: null, widgetId: id })).toEqual({ type: 'widget', id });
  });

  it('exports as CSV with the list filters, and imports from CSV through the background job', async () => {
    await api('POST', '/widgets', { name: 'Axle' });
    const csv = await api('GET', '/widgets/export?sort=name&headers=keys');
    expect(csv.statusCode, csv.body).toBe(200);
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe('id,name,createdAt,updatedAt,archivedAt');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['Axle', 'Gear']);

    const form = new FormData();
    form.append('file', new Blob(['Widget name\nBolt\nNut\n'], { type: 'text/csv' }), 'widgets.csv');
    const body = new Response(form);
    const res = await asBrowser(t.app, owner, {
      method: 'POST',
      url: '/api/v1/widgets/import',
      payload: Buffer.from(await body.arrayBuffer()),
      headers: { 'content-type': body.headers.get('content-type') as string },
    });
    expect(res.statusCode, res.body).toBe(202);
    const importId = res.json().data.id as string;
    await waitFor(async () => {
      const [job] = await dbRows<{ status: string }>(
        t,
        sql`select status from import_jobs where id = ${importId}`,
      );
      return job?.status === 'completed' ? job : undefined;
    }, 30_000);
    const names = await dbRows<{ name: string }>(
      t,
      sql`select name from test_widgets where tenant_id = ${owner.tenantId} order by name`,
    );
    expect(names.map((n) => n.name)).toEqual(['Axle', 'Bolt', 'Gear', 'Nut']);
  });
});
