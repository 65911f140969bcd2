import type { JobStatusInput } from '@tessera/contracts';
import { jobSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { isApiClientError } from '../../../lib/api-error';
import { v1 } from '../../../lib/endpoints';
import { uuid } from '../../../lib/uuid';

/** A status change made on the device, kept until the server has it (survives reloads and lost signal). */
export interface QueuedStep {
  key: string;
  jobId: string;
  body: JobStatusInput & { occurredAt: string };
}

const STORAGE = 'tessera.field.status-queue';

export const readQueue = (): QueuedStep[] => {
  try {
    return JSON.parse(localStorage.getItem(STORAGE) ?? '[]') as QueuedStep[];
  } catch {
    return [];
  }
};
const writeQueue = (q: QueuedStep[]) => localStorage.setItem(STORAGE, JSON.stringify(q));

/** Queues a step with the time it happened and its own Idempotency-Key (a replay is applied once). */
export const enqueueStep = (jobId: string, body: JobStatusInput): QueuedStep => {
  const step = { key: uuid(), jobId, body: { ...body, occurredAt: new Date().toISOString() } };
  writeQueue([...readQueue(), step]);
  return step;
};

/**
 * Sends queued steps in order. A network failure stops (kept for later, e.g. the `online` event); a refusal
 * by the server (409: someone else moved the job) drops that step and reports it.
 */
export async function flushQueue(onRefused: (message: string) => void): Promise<number> {
  let sent = 0;
  for (const step of readQueue()) {
    try {
      await api.post(v1(`jobs/${encodeURIComponent(step.jobId)}/status`), step.body, {
        schema: jobSchema,
        idempotencyKey: step.key,
      });
    } catch (error) {
      if (!isApiClientError(error) || error.status === 0 || error.status === 401 || error.status >= 500)
        break;
      onRefused(error.message);
    }
    writeQueue(readQueue().filter((s) => s.key !== step.key));
    sent++;
  }
  return sent;
}
