import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { AUTH_PATHS } from '../../../lib/endpoints';

/** `POST /api/v1/auth/password/reset` with the token from the e-mailed link. */
export function resetPassword(input: { token: string; password: string }): Promise<void> {
  return api.post(AUTH_PATHS.passwordReset, input);
}

export function useResetPassword() {
  return useMutation({ mutationFn: resetPassword });
}
