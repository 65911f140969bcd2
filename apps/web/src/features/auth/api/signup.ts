import { useMutation } from '@tanstack/react-query';
import { type AuthSession, authSessionSchema, type SignupInput } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { AUTH_PATHS } from '../../../lib/endpoints';

/** `POST /api/v1/auth/signup`: creates the company (tenant) and its owner, and signs in (201). */
export function signup(input: SignupInput): Promise<AuthSession> {
  return api.post(AUTH_PATHS.signup, input, { schema: authSessionSchema });
}

export function useSignup() {
  return useMutation({ mutationFn: signup });
}
