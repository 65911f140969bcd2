import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MemberUpdateInput } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { MEMBERS_QUERY_KEY } from './list-members';

/** `PATCH /api/v1/members/:id` (role, status, grants, denials) with the `version` read; 409 when stale. */
export function updateMember({ id, ...input }: MemberUpdateInput & { id: string }): Promise<unknown> {
  return api.patch(v1(`members/${encodeURIComponent(id)}`), input);
}

export function useUpdateMember() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMember,
    onSettled: () => queryClient.invalidateQueries({ queryKey: MEMBERS_QUERY_KEY }),
  });
}
