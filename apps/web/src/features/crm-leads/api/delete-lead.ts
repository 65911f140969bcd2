import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { leadRecords } from './leads';

/** `DELETE /api/v1/leads/:id`. */
export function deleteLead(id: string): Promise<unknown> {
  return api.delete(leadRecords.recordPath(id));
}

export function useDeleteLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteLead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: leadRecords.key }),
  });
}
