import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Lead, type LeadCreateInput, leadSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { LEADS_QUERY_KEY } from './list-leads';

/** `POST /api/v1/leads` (201). */
export function createLead(input: LeadCreateInput): Promise<Lead> {
  return api.post(v1('leads'), input, { schema: leadSchema });
}

export function useCreateLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createLead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: LEADS_QUERY_KEY }),
  });
}
