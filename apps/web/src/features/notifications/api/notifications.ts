import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type NotificationsMarkReadInput,
  notificationSchema,
  notificationsMarkReadResultSchema,
  unreadCountSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const;

/** `GET /api/v1/notifications/unread-count`: the bell's number (refetched live on events addressed to you). */
export const unreadCountOptions = () =>
  queryOptions({
    queryKey: [...NOTIFICATIONS_QUERY_KEY, 'unread-count'],
    queryFn: ({ signal }) => api.get(v1('notifications/unread-count'), { schema: unreadCountSchema, signal }),
    select: (d) => d.unread,
  });

export const useUnreadCount = () => useQuery(unreadCountOptions());

const listSchema = z.array(notificationSchema);

/** `GET /api/v1/notifications` (newest first; `unread=true` for the unread ones). */
export const notificationsOptions = (unreadOnly = false, limit = 20) =>
  queryOptions({
    queryKey: [...NOTIFICATIONS_QUERY_KEY, 'list', { unreadOnly, limit }],
    queryFn: ({ signal }) =>
      api.get(v1('notifications'), {
        schema: listSchema,
        signal,
        query: { limit: String(limit), ...(unreadOnly ? { unread: 'true' } : {}) },
      }),
  });

export const useNotifications = (unreadOnly = false, limit = 20) =>
  useQuery(notificationsOptions(unreadOnly, limit));

/** `POST /api/v1/notifications/mark-as-read` `{ids}` or `{all: true}`. */
export function useMarkAsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NotificationsMarkReadInput) =>
      api.post(v1('notifications/mark-as-read'), input, { schema: notificationsMarkReadResultSchema }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
  });
}
