import { calculateDocument, permissions } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityDeps } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { issueInvoice } from '../../src/modules/sales/documents/document-actions.service.ts';
import { createDraft } from '../../src/modules/sales/documents/documents.service.ts';
import { jobContext } from '../../src/platform/context/service-context.ts';
import type { Database } from '../../src/platform/db/index.ts';
import * as kit from '../../src/platform/records/index.ts';
import { createGeneratedTenant, type GeneratedTenant, generateSales } from '../../src/seed/generate.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/**
 * `npm run db:generate -- --products --quotes --invoices` (generateSalesData): totals are the shared
 * calculation's for the stored lines, numbers are gapless and go on with the counter, payments never exceed a
 * balance and statuses follow balances. Small N, several batches.
 */

let testDb: TestDatabase;
let database: Database;
let tenant: GeneratedTenant;

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' });
  tenant = await createGeneratedTenant(identityDeps({ config, jwtSecret: TEST_JWT_SECRET, database }), {
    agents: 2,
  });
  const results = await generateSales(
    database,
    tenant.tenantId,
    { products: 12, quotes: 15, invoices: 60 },
    { batchSize: 25 },
  );
  expect(results.map((r) => [r.table, r.rows])).toEqual([
    ['products', 12],
    ['quotes', 15],
    ['invoices', 60],
    ['payments', expect.any(Number)],
    // Invoices 19, 39 and 59 are credited; 3, 6, 21, 24, 27, 42, 45, 48 and 60 delivered (see the generator).
    ['credit notes', 3],
    ['delivery notes', 9],
    ['commission rules', 2],
    ['vacuum analyze', 0],
  ]);
}, 120_000);

afterAll(() => testDb.drop());

describe('generated sales data', () => {
  it('makes products with unique SKUs', async () => {
    const products = await rows<{ n: number; skus: number }>(
      sql`select count(*)::int as n, count(distinct sku)::int as skus from products where tenant_id = ${tenant.tenantId}`,
    );
    expect(products[0]).toEqual({ n: 12, skus: 12 });
  });

  it('stores the totals the shared calculation gives for the lines', async () => {
    const docs = await rows<{
      id: string;
      rounding: 'line' | 'document';
      net_cents: string | number;
      tax_cents: string | number;
      total_cents: string | number;
    }>(
      sql`select id, rounding, net_cents, tax_cents, total_cents from sales_documents where tenant_id = ${tenant.tenantId}`,
    );
    expect(docs).toHaveLength(78);
    const lines = await rows<{
      document_id: string;
      quantity_milli: string | number;
      unit_price_cents: string | number;
      discount_kind: string | null;
      discount_value: string | number | null;
      tax_rate_bp: number;
      tax_inclusive: boolean;
      total_cents: string | number;
    }>(sql`select * from sales_document_lines where tenant_id = ${tenant.tenantId} order by position`);
    for (const d of docs) {
      const mine = lines.filter((l) => l.document_id === d.id);
      expect(mine.length).toBeGreaterThan(0);
      const calc = calculateDocument({
        rounding: d.rounding,
        lines: mine.map((l) => ({
          quantityMilli: Number(l.quantity_milli),
          unitPriceMinor: Number(l.unit_price_cents),
          taxRateBp: l.tax_rate_bp,
          taxInclusive: l.tax_inclusive,
          discount:
            l.discount_kind === 'percent'
              ? { kind: 'percent', valueBp: Number(l.discount_value) }
              : l.discount_kind === 'amount'
                ? { kind: 'amount', valueMinor: Number(l.discount_value) }
                : null,
        })),
      });
      expect([Number(d.net_cents), Number(d.tax_cents), Number(d.total_cents)]).toEqual([
        calc.netMinor,
        calc.taxMinor,
        calc.totalMinor,
      ]);
      expect(mine.map((l) => Number(l.total_cents))).toEqual(calc.lines.map((l) => l.totalMinor));
    }
  });

  it('numbers quotes and invoices without gaps, and issuing goes on from there', async () => {
    for (const [kind, n] of [
      ['quote', 15],
      ['invoice', 60],
    ] as const) {
      const numbers = await rows<{ number: string }>(
        sql`select number from sales_documents where tenant_id = ${tenant.tenantId} and kind = ${kind} order by number`,
      );
      expect(numbers.map((r) => Number(/(\d+)$/.exec(r.number)?.[1]))).toEqual(
        Array.from({ length: n }, (_, i) => i + 1),
      );
    }
    const ctx = jobContext({
      database,
      log: pino({ level: 'silent' }),
      tenantId: tenant.tenantId,
      userId: tenant.ownerId,
      permissions,
    });
    const draft = await kit.inTenant(ctx, (t) =>
      createDraft(t, ctx, 'invoice', {
        lines: [{ description: 'Next', quantity: 1000, unitPriceCents: 1000 }],
      } as Parameters<typeof createDraft>[3]),
    );
    const issued = await issueInvoice(ctx, draft.id);
    expect(Number(/(\d+)$/.exec(issued.number ?? '')?.[1])).toBe(61);
  });

  it('keeps payments within the balance and statuses in step with it', async () => {
    const all = await rows<{
      number: string;
      status: string;
      total: number;
      paid: number;
      credited: number;
      payments: number;
      overdue: boolean;
      paid_at: unknown;
    }>(sql`
      select d.number, d.status, d.total_cents::int as total, d.paid_cents::int as paid,
        d.credited_cents::int as credited, d.paid_at,
        coalesce((select sum(amount_cents) from payments p where p.tenant_id = d.tenant_id and p.invoice_id = d.id), 0)::int as payments,
        d.due_date < current_date as overdue
      from sales_documents d where d.tenant_id = ${tenant.tenantId} and d.kind = 'invoice' and d.number is not null
        and d.issued_at is not null`);
    // The generated ones (the test above issued number 61 through the service).
    const invoices = all.filter((i) => Number(/(\d+)$/.exec(i.number)?.[1]) <= 60);
    expect(invoices).toHaveLength(60);
    const statuses = new Set<string>();
    for (const i of invoices) {
      statuses.add(i.status);
      expect(i.paid).toBe(i.payments);
      expect(i.paid + i.credited).toBeLessThanOrEqual(i.total);
      const expected =
        i.paid + i.credited === i.total
          ? 'paid'
          : i.paid > 0
            ? 'partially_paid'
            : i.overdue
              ? 'overdue'
              : ['issued', 'sent'];
      if (Array.isArray(expected)) expect(expected).toContain(i.status);
      else expect(i.status).toBe(expected);
      expect(i.paid_at !== null).toBe(i.status === 'paid');
    }
    expect(statuses).toContain('paid');
    expect(statuses).toContain('partially_paid');
  });

  it('credits some open invoices in full with numbered credit notes that copy their lines', async () => {
    const notes = await rows<{
      number: string;
      status: string;
      total: number;
      lines: number;
      invoice_total: number;
      invoice_lines: number;
      paid: number;
      credited: number;
      invoice_status: string;
    }>(sql`
      select cn.number, cn.status, cn.total_cents::int as total, i.total_cents::int as invoice_total,
        i.paid_cents::int as paid, i.credited_cents::int as credited, i.status as invoice_status,
        (select count(*)::int from sales_document_lines l where l.document_id = cn.id) as lines,
        (select count(*)::int from sales_document_lines l where l.document_id = i.id) as invoice_lines
      from sales_documents cn join sales_documents i on i.id = cn.source_id
      where cn.tenant_id = ${tenant.tenantId} and cn.kind = 'credit_note' order by cn.number`);
    expect(notes.map((n) => Number(/(\d+)$/.exec(n.number)?.[1]))).toEqual([1, 2, 3]);
    for (const n of notes) {
      expect(n).toMatchObject({ status: 'issued', total: n.invoice_total, paid: 0, invoice_status: 'paid' });
      expect(n.credited).toBe(n.invoice_total);
      expect(n.lines).toBe(n.invoice_lines);
    }
  });

  it('delivers some paid invoices in full with numbered delivery notes, never more than ordered', async () => {
    const notes = await rows<{ number: string; status: string; source_status: string }>(sql`
      select n.number, n.status, d.status as source_status from sales_delivery_notes n
      join sales_documents d on d.id = n.source_id where n.tenant_id = ${tenant.tenantId} order by n.number`);
    expect(notes.map((n) => Number(/(\d+)$/.exec(n.number)?.[1]))).toEqual(
      Array.from({ length: 9 }, (_, i) => i + 1),
    );
    expect(new Set(notes.map((n) => [n.status, n.source_status].join()))).toEqual(
      new Set(['delivered,paid']),
    );
    const lines = await rows<{ ordered: number; delivered: number }>(sql`
      select l.quantity_milli::int as ordered, sum(x.quantity_milli)::int as delivered
      from sales_delivery_note_lines x join sales_document_lines l on l.id = x.source_line_id
      where x.tenant_id = ${tenant.tenantId} group by l.id, l.quantity_milli`);
    expect(lines.length).toBeGreaterThanOrEqual(9);
    for (const l of lines) expect(l.delivered).toBe(l.ordered);
  });

  it('adds commission rules for the sales role and one agent', async () => {
    const rules = await rows<{ name: string; by_role: boolean; by_user: boolean; rate_bp: number }>(sql`
      select name, role_id is not null as by_role, user_id is not null as by_user, rate_bp
      from commission_rules where tenant_id = ${tenant.tenantId} order by name`);
    expect(rules).toEqual([
      { name: 'Generated: sales team', by_role: true, by_user: false, rate_bp: 500 },
      { name: 'Generated: senior agent', by_role: false, by_user: true, rate_bp: 800 },
    ]);
  });
});
