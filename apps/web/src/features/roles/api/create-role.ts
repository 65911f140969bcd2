import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { RoleCreateInput } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { ROLES_QUERY_KEY } from './list-roles';

/** `POST /api/v1/roles`: a custom role (403 when it grants permissions the user does not hold). */
export function createRole(input: RoleCreateInput): Promise<unknown> {
  return api.post(v1('roles'), input);
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createRole,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ROLES_QUERY_KEY }),
  });
}
