import { useMutation } from '@tanstack/react-query';
import { type AuthSession, authSessionSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { AUTH_PATHS } from '../../../lib/endpoints';

export interface AcceptInvitationInput {
  token: string;
  name?: string | undefined;
  password?: string | undefined;
}

/**
 * `POST /api/v1/invitations/accept`: new users send name + password; existing users are either signed in
 * as the invited e-mail or send their password. Answers with the session in the new company.
 */
export function acceptInvitation(input: AcceptInvitationInput): Promise<AuthSession> {
  return api.post(AUTH_PATHS.invitationAccept, input, { schema: authSessionSchema });
}

export function useAcceptInvitation() {
  return useMutation({ mutationFn: acceptInvitation });
}
