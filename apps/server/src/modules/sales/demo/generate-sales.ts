import { sql } from 'drizzle-orm';
import { type Database, withTenant } from '../../../platform/db/index.ts';
import { settingsOf } from '../settings/settings.service.ts';
import { completeDocuments, documentDrafts } from './generate-documents.ts';
import { DESCRIPTIONS, listSql, rowCount, type Settings, TRADES, type Tx } from './generate-sql.ts';

/**
 * Bulk products, quotes and invoices (with lines, payments, credit and delivery notes; and commission rules) for `npm run db:generate -- --invoices N` and the sales bench
 * (bench/sales.ts). Set-based like the CRM generator: one `INSERT … SELECT … FROM generate_series` per table
 * and batch, one batch per tenant transaction (row-level security applies). The amounts come from a few line
 * sets priced in JavaScript by the shared calculation (contracts/sales/calculation.ts) and picked per row, so
 * stored totals are what the calculation returns. Numbers continue the tenant's invoice counter for the current
 * period without gaps (the counter row is moved on in the same transaction); payments never exceed the
 * balance and statuses follow it: paid, partially paid, overdue past the due date, else issued or sent. Quotes
 * are sent, accepted, declined, or expired past their valid-until date.
 */

export interface GenerateSalesInput {
  tenantId: string;
  counts: { products?: number; quotes?: number; invoices?: number };
  /** Owners to spread invoices over. */
  ownerIds: readonly string[];
  /** Invoices per batch (and transaction). Default 10 000. */
  batchSize?: number;
  onBatch?: (progress: { table: string; done: number; total: number; elapsedMs: number }) => void;
}

/** `count` products (and services) with SKUs GEN-… numbered on after the tenant's existing products. */
const productBatch = async (tx: Tx, tenantId: string, from: number, count: number, settings: Settings) => {
  await tx.execute(sql`
    insert into products (id, tenant_id, sku, name, kind, unit, unit_price_cents, currency)
    select gen_random_uuid(), ${tenantId}, 'GEN-' || lpad(g::text, 6, '0'),
      (array[${listSql(DESCRIPTIONS)}])[1 + g % ${DESCRIPTIONS.length}] || ' ' ||
        (array[${listSql(TRADES)}])[1 + (g / 5) % ${TRADES.length}] || ' ' || g,
      case when g % 3 = 0 then 'service' else 'product' end, case when g % 3 = 0 then 'h' else 'pcs' end,
      100 + (g * 7919) % 250000, ${settings.currency}
    from generate_series(${from}::int, ${from + count - 1}::int) g`);
};

/**
 * Commission rules for the generated agents (once per tenant: a run that finds generated rules adds none):
 * every member of the sales role earns 5 %, 7 % from 10,000.00 of paid net in the month; the first owner has
 * an own rule of 8 %. Commission lines are written by settling an invoice (a payment, a credit note), so the
 * generated payments earn nothing until then.
 */
const commissionRules = async (tx: Tx, tenantId: string, ownerIds: readonly string[]) => {
  const done = (await tx.execute(
    sql`select count(*)::int as n from commission_rules where tenant_id = ${tenantId} and name like 'Generated: %'`,
  )) as unknown as { rows: { n: number }[] };
  if ((done.rows[0]?.n ?? 0) > 0) return 0;
  const tiers = JSON.stringify([{ fromCents: 1_000_000, rateBp: 700 }]);
  const byRole = await tx.execute(sql`
    insert into commission_rules (id, tenant_id, created_at, updated_at, name, role_id, rate_bp, tiers)
    select gen_random_uuid(), ${tenantId}, now(), now(), 'Generated: sales team', id, 500, ${tiers}::jsonb
    from roles where tenant_id = ${tenantId} and key = 'sales'`);
  const [first] = ownerIds;
  const byAgent = first
    ? await tx.execute(sql`
        insert into commission_rules (id, tenant_id, created_at, updated_at, name, user_id, rate_bp)
        values (gen_random_uuid(), ${tenantId}, now(), now(), 'Generated: senior agent', ${first}, 800)`)
    : null;
  return rowCount(byRole) + (byAgent ? rowCount(byAgent) : 0);
};

/** Products, quotes and invoices (see the comment at the top), in batches, then VACUUM ANALYZE. */
export const generateSalesData = async (
  database: Database,
  input: GenerateSalesInput,
): Promise<{ table: string; rows: number; ms: number }[]> => {
  const { tenantId, counts } = input;
  if (input.ownerIds.length === 0) throw new Error(`Tenant ${tenantId} has no active member to own the rows`);
  const batchSize = input.batchSize ?? 10_000;
  const results: { table: string; rows: number; ms: number }[] = [];
  const made = { payments: 0, creditNotes: 0, deliveryNotes: 0 };
  for (const table of ['products', 'quotes', 'invoices'] as const) {
    const total = counts[table] ?? 0;
    if (total <= 0) continue;
    const started = performance.now();
    for (let done = 0; done < total; ) {
      const count = Math.min(batchSize, total - done);
      // More sort memory and no commit flush wait, for these bulk transactions only.
      const bulk = <T>(fn: (tx: Tx, settings: Settings) => Promise<T>) =>
        withTenant(database, tenantId, async (tx) => {
          await tx.execute(
            sql`select set_config('work_mem', '64MB', true), set_config('synchronous_commit', 'off', true)`,
          );
          return fn(tx, await settingsOf(tx, tenantId));
        });
      if (table === 'products') {
        await bulk(async (tx, settings) => {
          const existing = (await tx.execute(
            sql`select count(*)::int as n from products where tenant_id = ${tenantId}`,
          )) as unknown as { rows: { n: number }[] };
          await productBatch(tx, tenantId, (existing.rows[0]?.n ?? 0) + 1, count, settings);
        });
      } else {
        const kind = table === 'quotes' ? 'quote' : 'invoice';
        await bulk((tx, settings) => documentDrafts(tx, tenantId, kind, count, input.ownerIds, settings));
        await database.withSession((s) => s.query('analyze sales_documents'));
        const batchMade = await bulk((tx, settings) => completeDocuments(tx, tenantId, kind, settings));
        made.payments += batchMade.payments;
        made.creditNotes += batchMade.creditNotes;
        made.deliveryNotes += batchMade.deliveryNotes;
      }
      done += count;
      input.onBatch?.({ table, done, total, elapsedMs: performance.now() - started });
    }
    results.push({ table, rows: total, ms: performance.now() - started });
  }
  // Payments, credit and delivery notes are made within the invoice batches: their time is the invoices'.
  const invoiceMs = results.find((r) => r.table === 'invoices')?.ms ?? 0;
  if (made.payments > 0) results.push({ table: 'payments', rows: made.payments, ms: invoiceMs });
  if (made.creditNotes > 0) results.push({ table: 'credit notes', rows: made.creditNotes, ms: invoiceMs });
  if (made.deliveryNotes > 0)
    results.push({ table: 'delivery notes', rows: made.deliveryNotes, ms: invoiceMs });
  if ((counts.invoices ?? 0) > 0) {
    const t0 = performance.now();
    const rules = await withTenant(database, tenantId, (tx) => commissionRules(tx, tenantId, input.ownerIds));
    results.push({ table: 'commission rules', rows: rules, ms: performance.now() - t0 });
  }
  if (results.length === 0) return results;
  const t0 = performance.now();
  await database.withSession((s) =>
    s.query(
      'vacuum (analyze) products, sales_documents, sales_document_lines, payments, sales_counters, sales_delivery_notes, sales_delivery_note_lines, commission_rules',
    ),
  );
  results.push({ table: 'vacuum analyze', rows: 0, ms: performance.now() - t0 });
  return results;
};
