import type { NotificationType } from '@tessera/contracts';
import type { Tx } from '../../platform/db/index.ts';
import { defineConsumer } from '../../platform/events/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { memberContacts, teammateIds } from '../identity/index.ts';
import { choicesFor } from './preferences.service.ts';
import { notifications } from './tables.ts';

type Entity = (typeof notifications.$inferInsert)['entity'];

interface Source {
  id: string;
  tenantId: string;
  type: NotificationType;
  actorUserId: string | null;
}

/** The subject line of a notification e-mail (the body adds the title and where to look). */
const SUBJECTS: Record<NotificationType, string> = {
  'lead.assigned': 'A lead was assigned to you',
  'task.assigned': 'A task was assigned to you',
  'deal.won': 'A deal in your team was won',
};

/**
 * Turns events into notifications in the delivery transaction (tenant-scoped), following each recipient's
 * preferences: in-app → a `notifications` row; e-mail `instant` → a mail in the mail outbox (same transaction);
 * e-mail `digest` → a row (already read when in-app is off) that the daily digest job collects. One row per
 * event and recipient, and the delivery record, make a redelivered event add nothing.
 */
export const notificationsConsumer = defineConsumer({
  name: 'notifications',
  on: {
    'lead.assigned': async (event, { tx }) => {
      const { ownerId, leadId } = event.payload;
      if (!ownerId || ownerId === event.actorUserId) return;
      await notify(tx, event, [ownerId], 'lead', leadId, null);
    },
    'task.assigned': async (event, { tx }) => {
      const { assigneeId, taskId, title } = event.payload;
      if (assigneeId === event.actorUserId) return;
      await notify(tx, event, [assigneeId], 'task', taskId, title.slice(0, 200));
    },
    'deal.won': async (event, { tx }) => {
      const { ownerId, dealId } = event.payload;
      if (!ownerId) return;
      // Everyone who shares a team with the deal's owner, except whoever marked it won.
      const team = await teammateIds(tx, event.tenantId, ownerId);
      const recipients = team.filter((id) => id !== event.actorUserId);
      await notify(tx, event, recipients, 'deal', dealId, null);
    },
  },
});

const notify = async (
  tx: Tx,
  event: Source,
  userIds: readonly string[],
  entity: Entity,
  entityId: string,
  title: string | null,
) => {
  const choices = await choicesFor(tx, event.tenantId, event.type, userIds);
  const stored = userIds.filter((id) => {
    const c = choices.get(id);
    return c && (c.inApp || c.email === 'digest');
  });
  if (stored.length > 0)
    await tx
      .insert(notifications)
      .values(
        stored.map((userId) => ({
          tenantId: event.tenantId,
          userId,
          eventId: event.id,
          type: event.type,
          entity,
          entityId,
          title,
          actorUserId: event.actorUserId,
          readAt: choices.get(userId)?.inApp ? null : new Date(),
        })),
      )
      .onConflictDoNothing();
  const mailTo = userIds.filter((id) => choices.get(id)?.email === 'instant');
  for (const contact of await memberContacts(tx, event.tenantId, mailTo)) {
    await queueMail(tx, {
      to: contact.email,
      subject: SUBJECTS[event.type],
      text: [
        `Hello ${contact.name},`,
        '',
        `${SUBJECTS[event.type]}${title ? `: ${title}` : '.'}`,
        `Open Tessera to see it (${entity} ${entityId}).`,
        '',
        'You get this e-mail because of your notification preferences (Settings → Notifications).',
      ].join('\n'),
      tenantRef: event.tenantId,
    });
  }
};
