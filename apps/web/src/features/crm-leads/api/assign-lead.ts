import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Lead, leadSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { TIMELINE_QUERY_KEY } from '../../../lib/records/record-path';
import { leadPath } from './get-lead';
import { LEADS_QUERY_KEY } from './list-leads';

/** `POST /api/v1/leads/:id/assign`: another owner, or nobody (`null`). */
export function assignLead({
  id,
  ...input
}: {
  id: string;
  ownerId: string | null;
  version?: number | undefined;
}): Promise<Lead> {
  return api.post(leadPath(id, 'assign'), input, { schema: leadSchema });
}

export function useAssignLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assignLead,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: LEADS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: TIMELINE_QUERY_KEY });
    },
  });
}
