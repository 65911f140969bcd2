import { parseArgs } from 'node:util';
import { environmentVariables } from '../src/config/index.ts';

// The command line of run.ts: usage, flags and their checks (DATABASE_URL is required: real PostgreSQL only).

export const USAGE = `Usage: DATABASE_URL=postgres://… npm run bench -- [--sizes 100000,1000000] [--duration 10]
       [--warmup 2] [--connections 10,32] [--sockets 1000] [--outbox 3] [--pdf 3] [--documents 5]
       [--board 50] [--import 100000] [--import-rounds 3] [--work 200] [--sales 100000] [--kpis 0]
       [--keep]

Runs against real PostgreSQL only (use a dedicated database: each size adds a tenant with that many leads,
deleted again at the end unless --keep).`;

export interface BenchOptions {
  environment: ReturnType<typeof environmentVariables>;
  /** Leads per generated tenant, one tenant per size. */
  sizes: number[];
  /** Seconds per load run, and of the warm-up before it (0: none). */
  duration: number;
  warmup: number;
  /** Every HTTP scenario (app and bare) and the pgbench create baseline run at each of these. */
  connectionCounts: number[];
  /** Keep the generated lead tenants. */
  keep: boolean;
  /** The optional scenarios; 0 skips one (see USAGE). */
  sockets: number;
  outbox: number;
  pdf: number;
  documents: number;
  board: number;
  importRows: number;
  importRounds: number;
  work: number;
  sales: number;
  kpis: number;
}

/** Parses the flags; prints USAGE and exits on --help (0) and on a missing DATABASE_URL or a bad value (1). */
export const benchOptions = (): BenchOptions => {
  const { values: args } = parseArgs({
    options: {
      sizes: { type: 'string', default: '100000,1000000' },
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10,32' },
      keep: { type: 'boolean', default: false },
      sockets: { type: 'string', default: '1000' },
      outbox: { type: 'string', default: '3' },
      pdf: { type: 'string', default: '3' },
      documents: { type: 'string', default: '5' },
      board: { type: 'string', default: '50' },
      import: { type: 'string', default: '100000' },
      'import-rounds': { type: 'string', default: '3' },
      work: { type: 'string', default: '200' },
      sales: { type: 'string', default: '100000' },
      kpis: { type: 'string', default: '0' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (args.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const environment = environmentVariables();
  if (!environment.DATABASE_URL) {
    console.error(
      `npm run bench needs DATABASE_URL: it measures real PostgreSQL, never the embedded PGlite.\n\n${USAGE}`,
    );
    process.exit(1);
  }
  const sizes = args.sizes.split(',').map((s) => Number(s.trim().replaceAll('_', '')));
  const duration = Number(args.duration);
  const connectionCounts = args.connections.split(',').map((s) => Number(s.trim()));
  if (
    sizes.some((n) => !Number.isSafeInteger(n) || n < 1000) ||
    !(duration > 0) ||
    connectionCounts.some((c) => !Number.isSafeInteger(c) || c < 1)
  ) {
    console.error(USAGE);
    process.exit(1);
  }
  return {
    environment,
    sizes,
    duration,
    warmup: Number(args.warmup),
    connectionCounts,
    keep: args.keep,
    sockets: Number(args.sockets),
    outbox: Number(args.outbox),
    pdf: Number(args.pdf),
    documents: Number(args.documents),
    board: Number(args.board),
    importRows: Number(args.import),
    importRounds: Number(args['import-rounds']),
    work: Number(args.work),
    sales: Number(args.sales),
    kpis: Number(args.kpis),
  };
};
