import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Lead, type LeadStatus, leadSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { TIMELINE_QUERY_KEY } from '../../../lib/records/record-path';
import { leadPath } from './get-lead';
import { LEADS_QUERY_KEY } from './list-leads';

/** `POST /api/v1/leads/:id/status`; an invalid move is a 409 whose `details.allowed` lists valid ones. */
export function changeLeadStatus({
  id,
  ...input
}: {
  id: string;
  status: LeadStatus;
  reason?: string | undefined;
  version?: number | undefined;
}): Promise<Lead> {
  return api.post(leadPath(id, 'status'), input, { schema: leadSchema });
}

export function useChangeLeadStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeLeadStatus,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: LEADS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: TIMELINE_QUERY_KEY });
    },
  });
}
