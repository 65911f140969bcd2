import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { openConfiguredDatabase } from '../src/boot.ts';
import { environmentVariables, loadConfig } from '../src/config/index.ts';
import type { Database } from '../src/platform/db/database.ts';
import { migrate, withTenant } from '../src/platform/db/index.ts';
import { createEventDispatcher, defineConsumer, emit } from '../src/platform/events/index.ts';
import { makeTenant } from '../src/seed/factories.ts';

// DATABASE_URL=postgres://… node bench/outbox-throughput.ts [--seconds 3] [--tenants 4] [--writers 8]
// Writers commit tenant transactions that emit `lead.created` through the real `emit()` (N per transaction, and
// 1 per transaction); the real dispatcher (LISTEN/NOTIFY) hands them to one consumer that only counts. Rate =
// events consumed ÷ time from the first write to the last consumption; lag = consumer commit − outbox commit
// (`committed_at`, set at commit by the trigger; same machine, same clock). Method: docs/performance.md.

export interface OutboxCase {
  /** live: writers and dispatcher at once; backlog: written first, then drained (the dispatcher alone). */
  mode: 'live' | 'backlog';
  eventsPerTx: number;
  transactions: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  lagP50Ms: number;
  lagP99Ms: number;
  lagMaxMs: number;
}

export interface OutboxOptions {
  seconds: number;
  tenants: number;
  writers: number;
  /** Events per transaction in the batched case. */
  batch: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const round = (n: number) => Math.round(n * 10) / 10;

const runCase = async (
  database: Database,
  tenantIds: string[],
  options: OutboxOptions,
  eventsPerTx: number,
  mode: OutboxCase['mode'] = 'live',
): Promise<OutboxCase> => {
  // Every case starts from tables without dead rows: the outbox churns (insert, update at commit, delete),
  // and a server with autovacuum off (this machine's) would otherwise slow each case down more than the last.
  await database.db.execute(sql`vacuum event_outbox, event_deliveries, event_tenant_sequences`);
  const lags: number[] = [];
  let consumed = 0;
  let lastConsumed = 0;
  let allConsumed: (() => void) | undefined;
  let target = Number.POSITIVE_INFINITY;
  const counter = defineConsumer({
    name: 'bench.count',
    on: {
      'lead.created': async () => {
        consumed++;
      },
    },
  });
  const dispatcher = createEventDispatcher({
    database,
    log: pino({ level: 'silent' }),
    consumers: [counter],
    observer: {
      completed: (_event, lagSeconds) => {
        lags.push(lagSeconds * 1000);
        lastConsumed = performance.now();
        if (lags.length >= target) allConsumed?.();
      },
    },
  });
  if (mode === 'live') await dispatcher.start();
  let started = performance.now();
  const deadline = started + options.seconds * 1000;
  let transactions = 0;
  const writer = async (w: number) => {
    const tenantId = tenantIds[w % tenantIds.length] as string;
    while (performance.now() < deadline) {
      await withTenant(database, tenantId, async (tx) => {
        for (let i = 0; i < eventsPerTx; i++)
          await emit(tx, { tenantId }, 'lead.created', {
            leadId: crypto.randomUUID(),
            ownerId: null,
            status: 'new',
          });
      });
      transactions++;
    }
  };
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
  const events = transactions * eventsPerTx;
  target = events;
  if (mode === 'backlog') {
    started = performance.now();
    await dispatcher.start();
  }
  if (lags.length < events) {
    const done = new Promise<void>((resolve) => {
      allConsumed = resolve;
    });
    // Bounded: whatever is left after 60 s is reported as not consumed.
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 60_000).unref())]);
  }
  await dispatcher.stop();
  if (lags.length < events) throw new Error(`only ${lags.length} of ${events} events were consumed`);
  if (consumed < events) throw new Error(`the consumer saw ${consumed} of ${events} events`);
  const seconds = (lastConsumed - started) / 1000;
  const sorted = lags.sort((a, b) => a - b);
  return {
    mode,
    eventsPerTx,
    transactions,
    events,
    seconds: round(seconds),
    eventsPerSecond: Math.round(events / seconds),
    lagP50Ms: round(percentile(sorted, 50)),
    lagP99Ms: round(percentile(sorted, 99)),
    lagMaxMs: round(sorted.at(-1) ?? Number.NaN),
  };
};

/** Runs the batched and the one-event-per-transaction case on fresh tenants (removed afterwards). */
export const outboxThroughput = async (database: Database, options: OutboxOptions): Promise<OutboxCase[]> => {
  const tenantIds: string[] = [];
  for (let i = 0; i < options.tenants; i++)
    tenantIds.push((await makeTenant(database, { name: `Outbox bench ${i + 1}` })).id);
  try {
    const results: OutboxCase[] = [];
    for (const perTx of [options.batch, 1]) results.push(await runCase(database, tenantIds, options, perTx));
    results.push(await runCase(database, tenantIds, options, options.batch, 'backlog'));
    return results;
  } finally {
    const ids = sql.join(
      tenantIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    await database.db.execute(sql`delete from event_deliveries where tenant_id in (${ids})`);
    await database.db.execute(sql`delete from event_outbox where tenant_id in (${ids})`);
    await database.db.execute(sql`delete from event_tenant_sequences where tenant_id in (${ids})`);
    await database.db.execute(sql`delete from tenants where id in (${ids})`);
  }
};

export const outboxLines = (results: OutboxCase[], options: OutboxOptions) =>
  results.map((r) =>
    r.mode === 'backlog'
      ? `outbox backlog: ${r.events.toLocaleString('en-US')} committed events (${options.tenants} tenants) ` +
        `drained by the dispatcher alone at ${r.eventsPerSecond.toLocaleString('en-US')} events/s`
      : `outbox: ${r.eventsPerTx} event(s)/transaction, ${options.writers} writers, ${options.tenants} tenants: ` +
        `${r.events.toLocaleString('en-US')} events in ${r.transactions.toLocaleString('en-US')} transactions, ` +
        `${r.eventsPerSecond.toLocaleString('en-US')} events/s commit→consumer; lag p50 ${r.lagP50Ms} ms, ` +
        `p99 ${r.lagP99Ms} ms, max ${r.lagMaxMs} ms`,
  );

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '3' },
      tenants: { type: 'string', default: '4' },
      writers: { type: 'string', default: '8' },
      batch: { type: 'string', default: '10' },
    },
  });
  const config = loadConfig({ ...environmentVariables(), LOG_LEVEL: 'silent' });
  if (!config.DATABASE_URL) {
    console.error('outbox-throughput measures PostgreSQL: set DATABASE_URL (a dedicated database).');
    process.exit(1);
  }
  const log = pino({ level: 'silent' });
  const database = await openConfiguredDatabase(config, log);
  try {
    await migrate(database, log);
    const options = {
      seconds: Number(values.seconds),
      tenants: Number(values.tenants),
      writers: Number(values.writers),
      batch: Number(values.batch),
    };
    for (const line of outboxLines(await outboxThroughput(database, options), options)) console.log(line);
  } finally {
    await database.close();
  }
}
