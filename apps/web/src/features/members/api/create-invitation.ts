import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { INVITATIONS_QUERY_KEY } from './list-invitations';

/** `POST /api/v1/invitations`: e-mails an invitation link for the role. */
export function createInvitation(input: { email: string; roleId: string }): Promise<unknown> {
  return api.post(v1('invitations'), input);
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInvitation,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INVITATIONS_QUERY_KEY }),
  });
}
