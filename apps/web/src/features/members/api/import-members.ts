import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type MemberImportReport, memberImportReport } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { INVITATIONS_QUERY_KEY } from './list-invitations';

/** `POST /api/v1/members/import`: the raw CSV (`email,name,role`) as `text/csv`; a per-row report. */
export function importMembers(csv: string): Promise<MemberImportReport> {
  return api.post(v1('members/import'), csv, { contentType: 'text/csv', schema: memberImportReport });
}

export function useImportMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importMembers,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INVITATIONS_QUERY_KEY }),
  });
}
