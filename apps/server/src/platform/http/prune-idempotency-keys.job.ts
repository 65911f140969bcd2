import { z } from 'zod';
import { defineJob } from '../jobs/job-definition.ts';
import { pruneIdempotencyKeys } from './idempotency.ts';

/** Hourly maintenance: forget idempotency keys older than their 24 h window. */
export const pruneIdempotencyKeysJob = defineJob({
  name: 'platform.prune-idempotency-keys',
  payload: z.object({}).loose(),
  cron: '17 * * * *',
  retry: { limit: 3, delaySeconds: 30 },
  handler: async (_payload, { database, log }) => {
    const deleted = await pruneIdempotencyKeys(database);
    log.info({ deleted }, 'pruned expired idempotency keys');
  },
});
