import {
  notificationListQuery,
  notificationPreferencesInput,
  notificationPreferencesSchema,
  notificationSchema,
  notificationsMarkReadInput,
  notificationsMarkReadResultSchema,
  unreadCountSchema,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../platform/context/service-context.ts';
import type { Database } from '../../platform/db/index.ts';
import { ok, page } from '../../platform/http/envelope.ts';
import { featureScope } from '../../platform/http/feature-gate.ts';
import { listReplies, replies } from '../../platform/http/route-schema.ts';
import { listNotifications, markAsRead, unreadCount } from './notifications.service.ts';
import { getPreferences, putPreferences } from './preferences.service.ts';

/** The signed-in user's own notifications ('authenticated': everyone has their own). */
export const notificationRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  featureScope(app, 'notifications');
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['notifications'];

  r.get(
    '/api/v1/notifications',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My notifications, newest first (unread=true: unread only)',
        querystring: notificationListQuery,
        response: listReplies(notificationSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listNotifications(authedContext(req, deps.database), req.query);
      return page(items, pagination);
    },
  );

  r.get(
    '/api/v1/notifications/unread-count',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'How many of my notifications are unread',
        response: replies(unreadCountSchema),
      },
    },
    async (req) => ok(await unreadCount(authedContext(req, deps.database))),
  );

  r.post(
    '/api/v1/notifications/mark-as-read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark some ({ids}) or all ({all: true}) of my notifications read',
        body: notificationsMarkReadInput,
        response: replies(notificationsMarkReadResultSchema),
      },
    },
    async (req) => ok(await markAsRead(authedContext(req, deps.database), req.body)),
  );

  r.get(
    '/api/v1/notifications/preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My notification preferences: every type, in-app on/off and e-mail off/instant/digest',
        response: replies(notificationPreferencesSchema),
      },
    },
    async (req) => ok(await getPreferences(authedContext(req, deps.database))),
  );

  r.put(
    '/api/v1/notifications/preferences',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Change my preferences for the given types (the others stay)',
        body: notificationPreferencesInput,
        response: replies(notificationPreferencesSchema),
      },
    },
    async (req) => ok(await putPreferences(authedContext(req, deps.database), req.body)),
  );
};
