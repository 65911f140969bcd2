import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type NotificationPreference, notificationPreferencesSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

export const PREFERENCES_QUERY_KEY = ['notification-preferences'] as const;

/** `GET /api/v1/notifications/preferences`: every type with my choice or the default. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: PREFERENCES_QUERY_KEY,
    queryFn: ({ signal }) =>
      api.get(v1('notifications/preferences'), { schema: notificationPreferencesSchema, signal }),
  });
}

/** `PUT /api/v1/notifications/preferences` with the given types; the answer is the full list. */
export function useSaveNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: NotificationPreference[]) =>
      api.put(v1('notifications/preferences'), { items }, { schema: notificationPreferencesSchema }),
    onSuccess: (data) => queryClient.setQueryData(PREFERENCES_QUERY_KEY, data),
  });
}
