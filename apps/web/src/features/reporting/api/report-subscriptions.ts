import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type ReportSubscriptionCreateInput,
  type ReportSubscriptionUpdateInput,
  reportSubscriptionSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

export const SUBSCRIPTIONS_QUERY_KEY = ['reports', 'subscriptions'] as const;

/** `GET /api/v1/report-subscriptions`: my report e-mails. */
export function useReportSubscriptions() {
  return useQuery({
    queryKey: SUBSCRIPTIONS_QUERY_KEY,
    queryFn: ({ signal }) =>
      api.get(v1('report-subscriptions'), { schema: z.array(reportSubscriptionSchema), signal }),
  });
}

/** Create, change (pause/resume) and delete my report e-mails; each refreshes the list. */
export function useReportSubscriptionMutations() {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: SUBSCRIPTIONS_QUERY_KEY });
  return {
    create: useMutation({
      mutationFn: (input: ReportSubscriptionCreateInput) =>
        api.post(v1('report-subscriptions'), input, { schema: reportSubscriptionSchema }),
      onSuccess: refresh,
    }),
    update: useMutation({
      mutationFn: ({ id, ...input }: ReportSubscriptionUpdateInput & { id: string }) =>
        api.patch(v1(`report-subscriptions/${id}`), input, { schema: reportSubscriptionSchema }),
      onSuccess: refresh,
    }),
    remove: useMutation({
      mutationFn: (id: string) => api.delete(v1(`report-subscriptions/${id}`)),
      onSuccess: refresh,
    }),
  };
}
