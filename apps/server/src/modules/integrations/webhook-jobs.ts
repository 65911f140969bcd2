import { and, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob } from '../../platform/jobs/index.ts';
import { attemptDelivery, type DeliveryAttemptObserver } from './delivery.ts';
import { webhookDeliveries } from './tables.ts';

export const DELIVER_JOB = 'webhooks.deliver';

const deliverPayload = z.strictObject({ tenantId: z.guid(), deliveryId: z.guid() });

/**
 * The webhook jobs. `webhooks.deliver` makes one attempt and, when another is due later, enqueues itself for
 * then (the retry schedule, not pg-boss's backoff). `webhooks.sweep` (every minute) attempts every due pending
 * delivery of every tenant: new ones from the event consumer, replays, and any whose job was lost. `onAttempt`
 * hears the outcome of every attempt (metrics).
 */
export const webhookJobs = (allowPrivate: boolean, onAttempt?: DeliveryAttemptObserver) => [
  defineJob({
    name: DELIVER_JOB,
    payload: deliverPayload,
    retry: { limit: 0, delaySeconds: 1 },
    handler: async ({ tenantId, deliveryId }, ctx) => {
      const outcome = await attemptDelivery(
        { database: ctx.database, log: ctx.log, allowPrivate, ...(onAttempt ? { onAttempt } : {}) },
        tenantId,
        deliveryId,
      );
      if (outcome.status === 'pending')
        await ctx.send(DELIVER_JOB, { tenantId, deliveryId }, { startAfterSeconds: outcome.retryInSeconds });
    },
  }),
  defineJob({
    name: 'webhooks.sweep',
    payload: z.object({}),
    cron: '* * * * *',
    handler: async (_payload, ctx) => {
      // Owner connection across tenants (policy integrations_owner); each attempt then runs in its tenant.
      const due = await ctx.database.db
        .select({ id: webhookDeliveries.id, tenantId: webhookDeliveries.tenantId })
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextAttemptAt, new Date())))
        .orderBy(webhookDeliveries.nextAttemptAt)
        .limit(200);
      for (const d of due) await ctx.send(DELIVER_JOB, { tenantId: d.tenantId, deliveryId: d.id });
    },
  }),
];
