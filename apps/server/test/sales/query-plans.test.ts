import { invoiceListQuery, kpiQuery, permissions } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, planLine, planNodes } from '../../bench/explain.ts';
import { type CapturedQuery, captureQueries, withoutFrame } from '../../bench/sql-capture.ts';
import { identityDeps } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { runKpi } from '../../src/modules/reporting/kpis.service.ts';
import { documentService } from '../../src/modules/sales/documents/documents.service.ts';
import { generateSalesData } from '../../src/modules/sales/index.ts';
import type { AuthedContext } from '../../src/platform/context/service-context.ts';
import type { Database } from '../../src/platform/db/index.ts';
import { createGeneratedTenant } from '../../src/seed/generate.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/**
 * Sales statements that must stay indexed as a tenant grows: the document list filtered by deal (the deal page's
 * "Quotes and invoices" card) and the invoice KPIs (ADR 0038: roll-ups, and the transactions list read along
 * its indexes). The SQL is captured from the real services on generated data and EXPLAINed as the application
 * plans it. Plans only — never a time.
 */

const INVOICES = 8_000;

let testDb: TestDatabase;
let database: Database;
let ctx: AuthedContext;
let dealId: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' });
  const deps = identityDeps({ config, jwtSecret: TEST_JWT_SECRET, database });
  const tenant = await createGeneratedTenant(deps, { agents: 3 });
  await generateSalesData(database, {
    tenantId: tenant.tenantId,
    counts: { invoices: INVOICES },
    ownerIds: tenant.memberIds,
  });
  await database.db.execute(sql`analyze`);
  // A smaller neighbour, so that tenant_id is selective as in a shared database (made second: the generator's
  // joins of a batch's new rows are planned on the statistics of the tables before it).
  const neighbour = await createGeneratedTenant(deps, { agents: 1 });
  await generateSalesData(database, {
    tenantId: neighbour.tenantId,
    counts: { invoices: 2_000 },
    ownerIds: neighbour.memberIds,
  });
  // One document in 50 is on a deal (deal ids are not foreign keys). Set past the guard of issued documents
  // (which keeps deal_id): triggers off for this one statement, it changes nothing the roll-ups count.
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      update sales_documents set deal_id = ('00000000-0000-7000-8000-' || lpad((hashtext(id::text) & 1023)::text, 12, '0'))::uuid
      where tenant_id = ${tenant.tenantId} and hashtext(id::text) % 50 = 0`);
  });
  const [deal] = (
    (await database.db.execute(sql`
    select deal_id from sales_documents where tenant_id = ${tenant.tenantId} and deal_id is not null limit 1`)) as unknown as {
      rows: { deal_id: string }[];
    }
  ).rows;
  if (!deal) throw new Error('no document with a deal');
  dealId = deal.deal_id;
  await database.db.execute(sql`analyze`);
  ctx = {
    database,
    log: pino({ level: 'silent' }) as Logger,
    tenantId: tenant.tenantId,
    userId: tenant.ownerId,
    requestId: 'sales-query-plans',
    afterCommit: () => {},
    auth: {
      kind: 'session',
      tenantId: tenant.tenantId,
      userId: tenant.ownerId,
      viaCookie: false,
      csrfValid: false,
      permissions: new Set(permissions),
      scopes: {},
    },
  };
}, 600_000);
afterAll(() => testDb.drop());

const captured = async (run: (c: AuthedContext) => Promise<unknown>): Promise<CapturedQuery[]> => {
  const { queries } = await captureQueries(database, (db) => run({ ...ctx, database: db }));
  return withoutFrame(queries).filter((q) => !/^\s*explain/i.test(q.text));
};

/** No statement reads `tables` by a sequential scan; the plans name the indexes they use. */
const expectNoSeqScan = async (statements: CapturedQuery[], tables: string[]) => {
  expect(statements.length).toBeGreaterThan(0);
  const indexes = new Set<string>();
  for (const statement of statements) {
    const plan = await explain(database, ctx.tenantId, statement);
    const nodes = planNodes(plan);
    const scanned = nodes.filter(
      (n) => n['Node Type'] === 'Seq Scan' && tables.includes(n['Relation Name'] ?? ''),
    );
    expect(scanned, `${planLine(plan)}\n${statement.text}`).toEqual([]);
    for (const n of nodes) if (n['Index Name']) indexes.add(n['Index Name']);
  }
  return indexes;
};

describe(`sales plans on ${INVOICES.toLocaleString('en-US')} generated invoices`, () => {
  it('the invoice list filtered by deal reads the deal index', async () => {
    const query = invoiceListQuery.parse({ dealId });
    const statements = await captured((c) => documentService('invoice').list(c, query));
    const indexes = await expectNoSeqScan(statements, ['sales_documents']);
    expect([...indexes]).toContain('sales_documents_deal_idx');
  });

  it('AR summary and invoice ageing read the roll-ups, not the documents or payments', async () => {
    for (const name of ['ar-summary', 'invoice-ageing']) {
      const statements = await captured((c) => runKpi(c, name, kpiQuery.parse({})));
      const text = statements.map((s) => s.text).join('\n');
      expect(text).toMatch(/sales_ar_(daily|open)/);
      expect(text).not.toMatch(/"payments"|from "sales_documents"/);
    }
  });

  it('transactions reads payments and credit notes newest first along their indexes', async () => {
    const statements = await captured((c) => runKpi(c, 'transactions', kpiQuery.parse({})));
    const indexes = await expectNoSeqScan(statements, ['sales_documents', 'payments']);
    // Credit notes (one in 20 invoices) come by a sales_documents index, whichever the statistics favour.
    expect([...indexes]).toContain('payments_tenant_paid_idx');
    expect([...indexes].some((i) => i.startsWith('sales_documents_'))).toBe(true);
  });
});
