import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/database.ts';
import type { DispatchObserver } from '../events/dispatcher.ts';
import { outboxStats } from '../events/outbox-stats.ts';

/** Job counts of one queue, as pg-boss reports them (`boss.getQueues()`). */
export interface QueueCounts {
  name: string;
  queuedCount: number;
  activeCount: number;
  deferredCount: number;
  failedCount: number;
}

export interface MetricsSources {
  database: Database;
  /** Per-queue job counts; absent when no job queue runs. */
  queues?: () => Promise<QueueCounts[]>;
}

/** The process's Prometheus registry and the instruments other platform code records into. */
export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status_code'>;
  httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  /** Pass to the event dispatcher: events, failures, lag and the business counters. */
  dispatchObserver: DispatchObserver;
  /** Pass to the webhook delivery job (where jobs run): counts one attempt by its outcome. */
  webhookAttempt: (outcome: WebhookAttemptOutcome) => void;
  /** Where `tessera_sockets_open` reads this instance's open socket.io connections (at scrape time). */
  countSocketsWith: (count: () => number) => void;
}

/** Outcomes of a webhook delivery attempt: 2xx, failed (retried), dead (last attempt), refused (SSRF guard). */
export const WEBHOOK_ATTEMPT_OUTCOMES = ['success', 'failed', 'dead', 'refused'] as const;
export type WebhookAttemptOutcome = (typeof WEBHOOK_ATTEMPT_OUTCOMES)[number];

/** Runs a scrape-time reading; a failing source (database down) leaves its gauges as they were. */
const safely = async (fn: () => Promise<void>) => {
  try {
    await fn();
  } catch {
    // The scrape still answers; /api/health/ready reports the outage.
  }
};

/**
 * Creates the metrics of one process: Node's defaults (event-loop lag, heap, GC, CPU), HTTP requests by route
 * template and status with a latency histogram, database pool use, job queue depth per queue, outbox backlog and
 * lag, dispatched events and the business counters (leads created, deals won) derived from them.
 */
export const createMetrics = ({ database, queues }: MetricsSources): Metrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const httpRequests = new Counter({
    name: 'tessera_http_requests_total',
    help: 'HTTP requests by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers,
  });
  const httpDuration = new Histogram({
    name: 'tessera_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });

  new Gauge({
    name: 'tessera_db_pool_connections',
    help: 'PostgreSQL pool connections by state (total, idle, waiting requests, max)',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const stats = database.poolStats?.();
      if (!stats) return;
      for (const [state, value] of Object.entries(stats)) this.set({ state }, value);
    },
  });

  new Gauge({
    name: 'tessera_job_queue_jobs',
    help: 'Jobs per queue by state (queued, active, deferred, failed); dead letters are the <name>.dead queues',
    labelNames: ['queue', 'state'] as const,
    registers,
    async collect() {
      if (!queues) return;
      await safely(async () => {
        for (const q of await queues()) {
          this.set({ queue: q.name, state: 'queued' }, q.queuedCount);
          this.set({ queue: q.name, state: 'active' }, q.activeCount);
          this.set({ queue: q.name, state: 'deferred' }, q.deferredCount);
          this.set({ queue: q.name, state: 'failed' }, q.failedCount);
        }
      });
    },
  });

  new Gauge({
    name: 'tessera_outbox_backlog',
    help: 'Committed events not yet delivered to every consumer',
    registers,
    async collect() {
      await safely(async () => this.set((await outboxStats(database)).backlog));
    },
  });
  new Gauge({
    name: 'tessera_outbox_lag_seconds',
    help: 'Age of the oldest undelivered committed event (0 when the outbox is empty)',
    registers,
    async collect() {
      await safely(async () => this.set((await outboxStats(database)).oldestAgeSeconds));
    },
  });

  const dispatched = new Counter({
    name: 'tessera_events_dispatched_total',
    help: 'Events delivered to every consumer (by this process), by type',
    labelNames: ['type'] as const,
    registers,
  });
  const dispatchLag = new Histogram({
    name: 'tessera_event_dispatch_lag_seconds',
    help: 'From commit of an event to its delivery to every consumer',
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
    registers,
  });
  const failures = new Counter({
    name: 'tessera_event_delivery_failures_total',
    help: 'Failed deliveries (retried), by consumer and type',
    labelNames: ['consumer', 'type'] as const,
    registers,
  });
  const dead = new Counter({
    name: 'tessera_event_deliveries_dead_total',
    help: 'Deliveries given up after the last attempt, by consumer and type',
    labelNames: ['consumer', 'type'] as const,
    registers,
  });
  const leadsCreated = new Counter({
    name: 'tessera_leads_created_total',
    help: 'Leads created (lead.created events dispatched by this process)',
    registers,
  });
  const dealsWon = new Counter({
    name: 'tessera_deals_won_total',
    help: 'Deals won (deal.won events dispatched by this process)',
    registers,
  });

  const dispatchObserver: DispatchObserver = {
    completed: (event, lagSeconds) => {
      dispatched.inc({ type: event.type });
      dispatchLag.observe(lagSeconds);
      if (event.type === 'lead.created') leadsCreated.inc();
      if (event.type === 'deal.won') dealsWon.inc();
    },
    failed: (event, consumer) => failures.inc({ consumer, type: event.type }),
    dead: (event, consumer) => dead.inc({ consumer, type: event.type }),
  };

  const webhookAttempts = new Counter({
    name: 'tessera_webhook_deliveries_total',
    help: 'Webhook delivery attempts (by this process) by outcome: success, failed (retried), dead, refused (SSRF)',
    labelNames: ['outcome'] as const,
    registers,
  });
  for (const outcome of WEBHOOK_ATTEMPT_OUTCOMES) webhookAttempts.inc({ outcome }, 0);

  let openSockets: (() => number) | undefined;
  new Gauge({
    name: 'tessera_sockets_open',
    help: 'Open socket.io connections of this instance',
    registers,
    collect() {
      this.set(openSockets?.() ?? 0);
    },
  });

  return {
    registry,
    httpRequests,
    httpDuration,
    dispatchObserver,
    webhookAttempt: (outcome) => webhookAttempts.inc({ outcome }),
    countSocketsWith: (count) => {
      openSockets = count;
    },
  };
};
