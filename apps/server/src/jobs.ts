import { pruneIdempotencyKeysJob } from './platform/http/prune-idempotency-keys.job.ts';
import type { JobDefinition } from './platform/jobs/index.ts';

/** Every background job of the application, platform and modules. `main.ts` and `worker.ts` run these. */
export const allJobs: readonly JobDefinition[] = [pruneIdempotencyKeysJob];
