import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RoleUpdateInput } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { ROLES_QUERY_KEY } from './list-roles';

/** `PATCH /api/v1/roles/:id` with the `version` read (409 when someone else changed it first). */
export function updateRole({ id, ...input }: RoleUpdateInput & { id: string }): Promise<unknown> {
  return api.patch(v1(`roles/${encodeURIComponent(id)}`), input);
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateRole,
    onSettled: () => queryClient.invalidateQueries({ queryKey: ROLES_QUERY_KEY }),
  });
}
