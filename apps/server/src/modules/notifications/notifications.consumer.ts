import { defineConsumer } from '../../platform/events/index.ts';
import { teammateIds } from '../identity/index.ts';
import { notify } from './notify.ts';

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
    'task.commented': async (event, { tx }) => {
      const { assigneeId, taskId, title } = event.payload;
      // The comment itself is not copied: the assignee reads it on the task, where its visibility applies.
      if (!assigneeId || assigneeId === event.actorUserId) return;
      await notify(tx, event, [assigneeId], 'task', taskId, title.slice(0, 200));
    },
    'activity.created': async (event, { tx }) => {
      const { activityId, mentionedUserIds } = event.payload;
      // The note's text is not copied: the recipient reads it in the app, where its visibility applies.
      await notify(tx, { ...event, type: 'note.mentioned' }, mentionedUserIds, 'activity', activityId, null);
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
