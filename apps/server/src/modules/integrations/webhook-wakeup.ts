import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import {
  type Database,
  listenForNotifications,
  type NotifyListener,
  type Tx,
} from '../../platform/db/index.ts';
import type { SendJob } from '../../platform/jobs/index.ts';
import { DELIVER_JOB } from './webhook-jobs.ts';

export const WEBHOOKS_CHANNEL = 'tessera_webhooks';

/**
 * Announces new pending deliveries in the writing transaction: NOTIFY is transactional, so the wake-up arrives
 * only after the rows committed (the job then finds them), and never for a rollback.
 */
export const wakeDeliveries = async (tx: Tx, tenantId: string, deliveryIds: readonly string[]) => {
  for (const id of deliveryIds)
    await tx.execute(sql`select pg_notify(${WEBHOOKS_CHANNEL}, ${`${tenantId}:${id}`})`);
};

/**
 * Where jobs run (server with JOBS_IN_PROCESS, or the worker): each committed delivery is enqueued at once as a
 * `webhooks.deliver` job. A lost notification only delays the delivery until the next `webhooks.sweep`.
 */
export const startWebhookWakeup = (deps: {
  database: Database;
  log: Logger;
  send: SendJob;
}): Promise<NotifyListener> =>
  listenForNotifications({
    database: deps.database,
    channel: WEBHOOKS_CHANNEL,
    log: deps.log,
    onGap: () => {},
    onMessage: (payload) => {
      const [tenantId, deliveryId] = payload.split(':');
      // After the notifying statement returned (PGlite calls back while reading its result).
      setImmediate(() => {
        deps.send(DELIVER_JOB, { tenantId, deliveryId }).catch((err: unknown) => {
          deps.log.warn({ err, deliveryId }, 'could not enqueue a webhook delivery (the sweep will)');
        });
      });
    },
  });
