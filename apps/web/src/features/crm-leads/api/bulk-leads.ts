import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type BulkResult, bulkResult, type LeadBulkInput } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { leadRecords } from './leads';

/** `POST /api/v1/leads/bulk`: one action on up to 500 leads; a result per id (partial success). */
export function bulkLeads(input: LeadBulkInput): Promise<BulkResult> {
  return api.post(v1('leads/bulk'), input, { schema: bulkResult });
}

export function useBulkLeads() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: bulkLeads,
    onSettled: () => queryClient.invalidateQueries({ queryKey: leadRecords.key }),
  });
}
