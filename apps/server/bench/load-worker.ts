import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

/**
 * One load run, sent by run.ts: autocannon runs in this child process, off the servers' event loop (not in a
 * worker thread: autocannon only aggregates its results on a main thread).
 */
export interface LoadSpec {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Request paths to rotate through (e.g. different lead ids), else the URL's path. */
  paths?: string[];
  /** A fresh Idempotency-Key on every request. */
  idempotencyKey?: boolean;
  duration: number;
  connections: number;
}

export interface LoadResult {
  requests: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

const spec = JSON.parse(process.argv[2] ?? '{}') as LoadSpec;
const reply = (message: unknown) => process.send?.(message, () => process.exit(0));
const run = randomUUID().slice(0, 8);
let n = 0;

autocannon(
  {
    url: spec.url,
    method: spec.method,
    headers: spec.headers,
    body: spec.body,
    duration: spec.duration,
    connections: spec.connections,
    requests: [
      {
        setupRequest: (req) => {
          n += 1;
          const next = { ...req };
          if (spec.paths) next.path = spec.paths[n % spec.paths.length];
          if (spec.idempotencyKey) next.headers = { ...req.headers, 'idempotency-key': `bench-${run}-${n}` };
          return next;
        },
      },
    ],
  },
  (err, result) => {
    if (err) {
      reply({ error: err.message });
      return;
    }
    const loadResult: LoadResult = {
      requests: result.requests.total,
      reqPerSec: result.requests.average,
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      statusCodes: Object.fromEntries(
        Object.entries(result.statusCodeStats).map(([k, v]) => [k, Number(v.count)]),
      ),
    };
    reply(loadResult);
  },
);
