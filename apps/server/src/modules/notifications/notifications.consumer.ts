import type { Tx } from '../../platform/db/index.ts';
import { defineConsumer } from '../../platform/events/index.ts';
import { notifications } from './tables.ts';

type Entity = (typeof notifications.$inferInsert)['entity'];

/**
 * Turns events into in-app notifications in the delivery transaction (tenant-scoped): a lead or a task assigned
 * to someone tells that person, unless they assigned it to themselves. One row per event and recipient, so a
 * redelivered event adds nothing.
 */
export const notificationsConsumer = defineConsumer({
  name: 'notifications',
  on: {
    'lead.assigned': async (event, { tx }) => {
      const { ownerId, leadId } = event.payload;
      if (!ownerId || ownerId === event.actorUserId) return;
      await notify(tx, event, ownerId, 'lead', leadId, null);
    },
    'task.assigned': async (event, { tx }) => {
      const { assigneeId, taskId, title } = event.payload;
      if (assigneeId === event.actorUserId) return;
      await notify(tx, event, assigneeId, 'task', taskId, title.slice(0, 200));
    },
  },
});

const notify = async (
  tx: Tx,
  event: { id: string; tenantId: string; type: string; actorUserId: string | null },
  userId: string,
  entity: Entity,
  entityId: string,
  title: string | null,
) => {
  await tx
    .insert(notifications)
    .values({
      tenantId: event.tenantId,
      userId,
      eventId: event.id,
      type: event.type,
      entity,
      entityId,
      title,
      actorUserId: event.actorUserId,
    })
    .onConflictDoNothing();
};
