import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { AUTH_PATHS } from '../../../lib/endpoints';

/** `POST /api/v1/auth/password/forgot`: always 202 (never says whether the account exists). */
export function forgotPassword(input: { email: string }): Promise<void> {
  return api.post(AUTH_PATHS.passwordForgot, input);
}

export function useForgotPassword() {
  return useMutation({ mutationFn: forgotPassword });
}
