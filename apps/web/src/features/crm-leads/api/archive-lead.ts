import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Lead, leadSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { leadPath } from './get-lead';
import { LEADS_QUERY_KEY } from './list-leads';

/** `POST /api/v1/leads/:id/archive` or `/restore`. */
export function archiveLead({ id, archived }: { id: string; archived: boolean }): Promise<Lead> {
  return api.post(leadPath(id, archived ? 'archive' : 'restore'), {}, { schema: leadSchema });
}

export function useArchiveLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveLead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LEADS_QUERY_KEY }),
  });
}
