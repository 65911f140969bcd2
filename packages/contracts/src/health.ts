import { z } from 'zod';

export const healthSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  db: z.enum(['connected', 'disconnected']),
  dbKind: z.enum(['pglite', 'postgres']),
  jobs: z.enum(['running', 'stopped', 'disabled']),
  version: z.string(),
  uptime: z.number().describe('Seconds since the process started'),
  migrations: z.object({
    applied: z.number().int(),
    expected: z.number().int(),
    latest: z.string().nullable(),
  }),
});
export type Health = z.infer<typeof healthSchema>;
