import { EVENT_TYPES } from '@tessera/contracts';
import { and, arrayContains, eq } from 'drizzle-orm';
import type { Tx } from '../../platform/db/index.ts';
import { type DispatchedEvent, defineConsumer } from '../../platform/events/index.ts';
import { webhookDeliveries, webhookSubscriptions } from './tables.ts';
import { wakeDeliveries } from './webhook-wakeup.ts';

/** The JSON body of a webhook: `{id, type, createdAt, tenantId, data}` (the same bytes on every attempt). */
export const webhookBody = (e: {
  id: string;
  type: string;
  createdAt: Date;
  tenantId: string;
  data: unknown;
}): string =>
  JSON.stringify({
    id: e.id,
    type: e.type,
    createdAt: e.createdAt.toISOString(),
    tenantId: e.tenantId,
    data: e.data,
  });

/**
 * In the delivery transaction: one pending delivery per active subscription of the tenant that wants the event
 * type (unique per subscription and event, so a redelivered event adds none). A transactional NOTIFY wakes the
 * delivery job once this commits; nothing here leaves the database.
 */
const enqueueDeliveries = async (event: DispatchedEvent, tx: Tx) => {
  const subs = await tx
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(
      and(
        eq(webhookSubscriptions.tenantId, event.tenantId),
        eq(webhookSubscriptions.active, true),
        arrayContains(webhookSubscriptions.eventTypes, [event.type]),
      ),
    );
  if (subs.length === 0) return;
  const body = webhookBody({ ...event, data: event.payload });
  const rows = await tx
    .insert(webhookDeliveries)
    .values(
      subs.map((s) => ({
        tenantId: event.tenantId,
        subscriptionId: s.id,
        eventId: event.id,
        eventType: event.type,
        body,
        nextAttemptAt: new Date(),
      })),
    )
    .onConflictDoNothing()
    .returning({ id: webhookDeliveries.id });
  await wakeDeliveries(
    tx,
    event.tenantId,
    rows.map((r) => r.id),
  );
};

export const webhooksConsumer = defineConsumer({
  name: 'webhooks',
  on: Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      (event: DispatchedEvent, { tx }: { tx: Tx }) => enqueueDeliveries(event, tx),
    ]),
  ),
});
