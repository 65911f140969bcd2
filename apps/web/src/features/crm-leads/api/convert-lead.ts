import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type LeadConvertResult, leadConvertResult } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { leadRecords } from './leads';

export interface ConvertLeadInput {
  id: string;
  createDeal: boolean;
  dealTitle?: string | undefined;
  pipelineId?: string | undefined;
  amountCents?: number | undefined;
  version?: number | undefined;
}

/** `POST /api/v1/leads/:id/convert`: contact + company (+ deal), all in one transaction. */
export function convertLead({ id, ...input }: ConvertLeadInput): Promise<LeadConvertResult> {
  return api.post(leadRecords.recordPath(id, 'convert'), input, { schema: leadConvertResult });
}

export function useConvertLead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: convertLead,
    // Other areas (contacts, companies, deals) get fresh lists from their own queries' staleness.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
