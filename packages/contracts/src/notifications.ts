import { z } from 'zod';
import { eventType } from './events/index.ts';
import { uuid } from './primitives.ts';
import { listQuery } from './records.ts';

/** What a notification points at, for the web app to link to (`/leads/<id>`, `/tasks/<id>`). */
export const NOTIFICATION_ENTITIES = ['lead', 'task', 'deal'] as const;

/** One in-app notification of the signed-in user. */
export const notificationSchema = z.object({
  id: uuid,
  /** The domain event that caused it (`lead.assigned`, `task.assigned`). */
  type: eventType,
  entity: z.enum(NOTIFICATION_ENTITIES),
  entityId: uuid,
  /** A short line to show (a task's title); null when there is none. */
  title: z.string().nullable(),
  actorUserId: uuid.nullable(),
  readAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Notification = z.infer<typeof notificationSchema>;

/** `GET /notifications`: newest first, keyset `cursor`; `unread=true` for the unread ones only. */
export const notificationListQuery = listQuery.extend({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const NOTIFICATIONS_MARK_MAX = 100;

/** `POST /notifications/mark-as-read`: some of the caller's notifications by id, or all of them. */
export const notificationsMarkReadInput = z.union([
  z.strictObject({ ids: z.array(uuid).min(1).max(NOTIFICATIONS_MARK_MAX) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type NotificationsMarkReadInput = z.input<typeof notificationsMarkReadInput>;

export const notificationsMarkReadResultSchema = z.object({ updated: z.number().int() });
export const unreadCountSchema = z.object({ unread: z.number().int() });
