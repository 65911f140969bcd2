import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['connected', 'disconnected']),
  dbKind: z.enum(['pglite', 'postgres']),
  jobs: z
    .enum(['starting', 'running', 'stopped', 'disabled'])
    .describe('starting: the server listens before its job runner has started (jobs sent meanwhile wait)'),
  version: z.string(),
  uptime: z.number().describe('Seconds since the process started'),
  migrations: z.object({
    applied: z.number().int(),
    expected: z.number().int(),
    latest: z.string().nullable(),
  }),
});
export type Health = z.infer<typeof healthSchema>;

/** `GET /api/health/ready`: whether this instance should receive traffic, and why not. */
export const readinessSchema = z.object({
  status: z.enum(['ready', 'not_ready']),
  checks: z.object({
    lifecycle: z.enum(['starting', 'ready', 'stopping']),
    db: z.enum(['connected', 'disconnected']),
    migrations: z.enum(['applied', 'pending', 'unknown']),
  }),
});
export type Readiness = z.infer<typeof readinessSchema>;
