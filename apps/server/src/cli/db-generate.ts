import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { identityDeps } from '../app.ts';
import { describeDatabase, loadConfigOrExit, openConfiguredDatabase } from '../boot.ts';
import { resolveJwtSecret } from '../config/index.ts';
import { migrate } from '../platform/db/index.ts';
import { createLogger } from '../platform/observability/logger.ts';
import {
  createGeneratedTenant,
  type GenerateCounts,
  generateData,
  generateSales,
  type SalesCounts,
} from '../seed/generate.ts';

// npm run db:generate -- --tenant <id|new> --leads 1000000 [--companies N --contacts N --deals N]
//   [--products N --quotes N --invoices N]
// Fills one tenant with generated rows for benchmarks (SQL generate_series in batches; see docs/performance.md).
// Sales documents come with lines (totals by the shared calculation), gapless numbers and, for invoices, payments.
const USAGE =
  'Usage: npm run db:generate -- --tenant <tenant id|new> --leads N [--companies N] [--contacts N] [--deals N]\n' +
  '       [--products N] [--quotes N] [--invoices N (with lines and payments; 10 000 per transaction)]\n' +
  '       [--agents N (sales agents of a new tenant, default 5)] [--batch N (rows per INSERT, default 100000)]';

const { values: args } = parseArgs({
  options: {
    tenant: { type: 'string' },
    leads: { type: 'string' },
    companies: { type: 'string' },
    contacts: { type: 'string' },
    deals: { type: 'string' },
    products: { type: 'string' },
    quotes: { type: 'string' },
    invoices: { type: 'string' },
    agents: { type: 'string' },
    batch: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

const count = (name: string, value: string | undefined): number => {
  if (value === undefined) return 0;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number ≥ 0 (got "${value}")\n\n${USAGE}`);
    process.exit(1);
  }
  return n;
};

const counts: GenerateCounts = {
  leads: count('leads', args.leads),
  companies: count('companies', args.companies),
  contacts: count('contacts', args.contacts),
  deals: count('deals', args.deals),
};
const salesCounts: SalesCounts = {
  products: count('products', args.products),
  quotes: count('quotes', args.quotes),
  invoices: count('invoices', args.invoices),
};
if (args.help || !args.tenant || [...Object.values(counts), ...Object.values(salesCounts)].every((n) => !n)) {
  console.error(USAGE);
  process.exit(args.help ? 0 : 1);
}

const config = loadConfigOrExit();
const log = createLogger({ ...config, LOG_LEVEL: 'warn' });
const database = await openConfiguredDatabase(config, log);
const rate = (rows: number, ms: number) => Math.round(rows / (ms / 1000)).toLocaleString('en-US');
try {
  await migrate(database, log);
  let tenantId = args.tenant;
  if (tenantId === 'new') {
    const created = await createGeneratedTenant(
      identityDeps({ config, jwtSecret: resolveJwtSecret(config), database }),
      { agents: count('agents', args.agents ?? '5') },
    );
    tenantId = created.tenantId;
    console.log(
      `Created tenant ${tenantId} with ${created.memberIds.length} members; sign in as ${created.email} / ${created.password}`,
    );
  } else {
    const found = (await database.db.execute(
      sql`select id from tenants where id::text = ${tenantId}`,
    )) as unknown as { rows: unknown[] };
    if (found.rows.length === 0) throw new Error(`No tenant ${tenantId} in ${describeDatabase(config)}`);
  }
  console.log(`Generating into ${describeDatabase(config)}, tenant ${tenantId}…`);
  const started = performance.now();
  const onBatch = ({
    table,
    done,
    total,
    elapsedMs,
  }: {
    table: string;
    done: number;
    total: number;
    elapsedMs: number;
  }) =>
    console.log(
      `  ${table}: ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${rate(done, elapsedMs)} rows/s)`,
    );
  const results = Object.values(counts).some((n) => n > 0)
    ? await generateData(database, tenantId, counts, {
        batchSize: count('batch', args.batch ?? '100000') || 100_000,
        onBatch,
      })
    : [];
  if (Object.values(salesCounts).some((n) => n > 0))
    results.push(...(await generateSales(database, tenantId, salesCounts, { onBatch })));
  for (const r of results) {
    console.log(
      r.rows > 0
        ? `${r.table}: ${r.rows.toLocaleString('en-US')} rows in ${(r.ms / 1000).toFixed(1)} s (${rate(r.rows, r.ms)} rows/s)`
        : `${r.table}: ${(r.ms / 1000).toFixed(1)} s`,
    );
  }
  const totalRows = results.reduce((sum, r) => sum + r.rows, 0);
  const totalMs = performance.now() - started;
  console.log(
    `Done: ${totalRows.toLocaleString('en-US')} rows in ${(totalMs / 1000).toFixed(1)} s (${rate(totalRows, totalMs)} rows/s overall)`,
  );
} catch (err) {
  const cause = (err as { cause?: unknown }).cause;
  console.error(
    err instanceof Error ? err.message.split('\n')[0] : err,
    cause instanceof Error ? cause.message : '',
  );
  process.exitCode = 1;
} finally {
  await database.close();
}
