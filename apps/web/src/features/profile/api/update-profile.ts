import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../../../hooks/use-me';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

/** `PATCH /api/v1/auth/profile`: the user's display name. */
export function updateProfile(input: { name: string }): Promise<unknown> {
  return api.patch(v1('auth/profile'), input);
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateProfile,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}
