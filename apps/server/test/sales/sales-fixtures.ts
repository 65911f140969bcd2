import { sql } from 'drizzle-orm';
import type { BrowserSession } from '../helpers/auth-client.ts';
import type { crmApi } from '../helpers/crm-api.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import type { TestApp } from '../helpers/test-app.ts';

/** The sales tables a "nothing changed" snapshot compares (counters: see `counters`). */
export const SALES_TABLES = ['sales_documents', 'sales_document_lines', 'payments'];

/** A tenant's number counters. */
export const counters = (t: TestApp, tenantId: string) =>
  dbRows(
    t,
    sql`select kind, period, last_value::int from sales_counters where tenant_id = ${tenantId} order by kind, period`,
  );

/** A tenant's catalog for document tests: a 20 % default rate, a 7 % rate, two products. */
export const catalogFor = async (c: ReturnType<typeof crmApi>, as: BrowserSession) => {
  const standard = await c.create(as, '/tax-rates', { name: 'Standard', rateBp: 2000, isDefault: true });
  const reduced = await c.create(as, '/tax-rates', { name: 'Reduced', rateBp: 700 });
  const panel = await c.create(as, '/products', {
    sku: 'PANEL-400',
    name: 'Solar panel 400 W',
    unitPriceCents: 24990,
    taxRateId: standard.id,
  });
  const book = await c.create(as, '/products', {
    sku: 'BOOK-1',
    name: 'Manual',
    unit: 'pcs',
    unitPriceCents: 1999,
    taxRateId: reduced.id,
  });
  return { standard, reduced, panel, book };
};

/** The outbox event types of a tenant, in order of writing. */
export const eventTypes = async (t: TestApp, tenantId: string) =>
  (
    await dbRows<{ type: string }>(
      t,
      sql`select type from event_outbox where tenant_id = ${tenantId} order by created_at, id`,
    )
  ).map((r) => r.type);
