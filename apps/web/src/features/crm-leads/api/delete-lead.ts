import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { leadPath } from './get-lead';
import { LEADS_QUERY_KEY } from './list-leads';

/** `DELETE /api/v1/leads/:id`. */
export function deleteLead(id: string): Promise<unknown> {
  return api.delete(leadPath(id));
}

export function useDeleteLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LEADS_QUERY_KEY }),
  });
}
