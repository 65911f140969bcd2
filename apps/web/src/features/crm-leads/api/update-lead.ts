import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Lead, type LeadUpdateInput, leadSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { TIMELINE_QUERY_KEY } from '../../../lib/records/record-path';
import { leadPath } from './get-lead';
import { LEADS_QUERY_KEY } from './list-leads';

/** `PATCH /api/v1/leads/:id` with the `version` read; a stale version is a 409 CONFLICT. */
export function updateLead({ id, ...input }: LeadUpdateInput & { id: string }): Promise<Lead> {
  return api.patch(leadPath(id), input, { schema: leadSchema });
}

export function useUpdateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateLead,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: LEADS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: TIMELINE_QUERY_KEY });
    },
  });
}
