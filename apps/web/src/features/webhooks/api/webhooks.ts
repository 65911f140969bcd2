import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type WebhookDelivery,
  type WebhookSubscriptionCreateInput,
  webhookDeliverySchema,
  webhookSubscriptionSchema,
  webhookSubscriptionWithSecretSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

export const WEBHOOKS_QUERY_KEY = ['webhooks'] as const;
const subscriptionsPath = v1('webhooks/subscriptions');

/** `GET /api/v1/webhooks/subscriptions` (never the secrets). */
export function useWebhookSubscriptions() {
  return useQuery({
    queryKey: [...WEBHOOKS_QUERY_KEY, 'subscriptions'],
    queryFn: ({ signal }) =>
      api.get(subscriptionsPath, { schema: z.array(webhookSubscriptionSchema), signal }),
  });
}

export interface DeliveryFilters {
  subscriptionId?: string | undefined;
  status?: WebhookDelivery['status'] | undefined;
}

/** The newest 100 deliveries matching the filters (the log's first page). */
export function useWebhookDeliveries(filters: DeliveryFilters) {
  return useQuery({
    queryKey: [...WEBHOOKS_QUERY_KEY, 'deliveries', filters],
    queryFn: ({ signal }) =>
      api.get(v1('webhooks/deliveries'), {
        schema: z.array(webhookDeliverySchema),
        query: { limit: 100, ...filters },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

function useWebhookMutation<I, O>(fn: (input: I) => Promise<O>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: WEBHOOKS_QUERY_KEY }),
  });
}

/** `POST /subscriptions`: the answer holds the secret — the only time it is shown. */
export const useCreateWebhook = () =>
  useWebhookMutation((input: WebhookSubscriptionCreateInput) =>
    api.post(subscriptionsPath, input, { schema: webhookSubscriptionWithSecretSchema }),
  );

export const useSendTestEvent = () =>
  useWebhookMutation((id: string) => api.post(`${subscriptionsPath}/${encodeURIComponent(id)}/test`));

export const useReplayDelivery = () =>
  useWebhookMutation((id: string) => api.post(v1(`webhooks/deliveries/${encodeURIComponent(id)}/replay`)));
