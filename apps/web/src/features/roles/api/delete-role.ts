import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { ROLES_QUERY_KEY } from './list-roles';

/** `DELETE /api/v1/roles/:id`: custom roles only (system roles cannot be deleted). */
export function deleteRole(id: string): Promise<unknown> {
  return api.delete(v1(`roles/${encodeURIComponent(id)}`));
}

export function useDeleteRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROLES_QUERY_KEY }),
  });
}
