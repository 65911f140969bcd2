import type { NotificationType } from '@tessera/contracts';
import type { Tx } from '../../platform/db/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { featureOn } from '../admin/index.ts';
import { memberContacts } from '../identity/index.ts';
import { choicesFor } from './preferences.service.ts';
import { notifications } from './tables.ts';

export type Entity = (typeof notifications.$inferInsert)['entity'];

/** What caused a notification: a domain event, or a job's own deterministic id (task due today). */
export interface Source {
  id: string;
  tenantId: string;
  type: NotificationType;
  actorUserId: string | null;
}

/** The subject line of a notification e-mail (the body adds the title and where to look). */
export const SUBJECTS: Record<NotificationType, string> = {
  'lead.assigned': 'A lead was assigned to you',
  'task.assigned': 'A task was assigned to you',
  'deal.won': 'A deal in your team was won',
  'note.mentioned': 'You were mentioned in a note',
  'task.due_today': 'A task of yours is due today',
  'task.commented': 'Someone commented on your task',
};

/**
 * Notifies `userIds` in the caller's tenant transaction, following each one's preferences: in-app → a row;
 * e-mail `instant` → a mail in the mail outbox; e-mail `digest` → a row (already read when in-app is off) for
 * the daily digest. One row per source id and recipient: a repeated source adds no row.
 */
export const notify = async (
  tx: Tx,
  event: Source,
  userIds: readonly string[],
  entity: Entity,
  entityId: string,
  title: string | null,
) => {
  // The notifications feature turned off for the tenant: nothing is stored or sent.
  if (!(await featureOn(tx, event.tenantId, null, 'notifications'))) return;
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
