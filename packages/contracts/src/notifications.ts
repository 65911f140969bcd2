import { z } from 'zod';
import { uuid } from './primitives.ts';
import { listQuery } from './records.ts';

/** What a notification points at, for the web app to link to (`/leads/<id>`, `/tasks/<id>`). */
export const NOTIFICATION_ENTITIES = ['lead', 'task', 'deal', 'activity'] as const;

/**
 * What a user can be notified about (in-app and by e-mail); the preferences page lists these. Most are domain
 * events; `task.due_today` comes from a daily job, `note.mentioned` from an activity body naming the user,
 * `task.commented` tells a task's assignee that someone else commented on it.
 */
export const NOTIFICATION_TYPES = [
  'lead.assigned',
  'task.assigned',
  'deal.won',
  'note.mentioned',
  'task.due_today',
  'task.commented',
] as const;
export const notificationType = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof notificationType>;

/** One in-app notification of the signed-in user. */
export const notificationSchema = z.object({
  id: uuid,
  /** What it is about (see NOTIFICATION_TYPES). */
  type: notificationType,
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

/** E-mail: none, one mail per notification at once, or one daily digest of them. */
export const NOTIFICATION_EMAIL_MODES = ['off', 'instant', 'digest'] as const;

/** One user's choice for one notification type. Defaults: in-app on, e-mail off. */
export const notificationPreferenceSchema = z.strictObject({
  type: notificationType,
  inApp: z.boolean(),
  email: z.enum(NOTIFICATION_EMAIL_MODES),
});
export type NotificationPreference = z.infer<typeof notificationPreferenceSchema>;

/** `GET/PUT /notifications/preferences` reply: every type, stored choice or default. */
export const notificationPreferencesSchema = z.object({ items: z.array(notificationPreferenceSchema) });

/** `PUT /notifications/preferences`: the types to change (each at most once); the others stay as they are. */
export const notificationPreferencesInput = z.strictObject({
  items: z
    .array(notificationPreferenceSchema)
    .min(1)
    .max(NOTIFICATION_TYPES.length)
    .refine((items) => new Set(items.map((i) => i.type)).size === items.length, 'each type at most once'),
});
export type NotificationPreferencesInput = z.infer<typeof notificationPreferencesInput>;
