import { useMutation } from '@tanstack/react-query';
import { type AuthSession, authSessionSchema, type LoginInput, TOTP_REQUIRED } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { isApiClientError } from '../../../lib/api-error';
import { AUTH_PATHS } from '../../../lib/endpoints';

/**
 * `POST /api/v1/auth/login` → session cookies + `AuthSession`. No transport retries: a 429 must reach the
 * user at once (with its Retry-After), not be waited out behind a spinner.
 */
export function login(input: LoginInput): Promise<AuthSession> {
  return api.post(AUTH_PATHS.login, input, { schema: authSessionSchema, retries: 0 });
}

/** The login answered "second factor needed" (or the code was wrong): 401 with `details.reason`. */
export function isTotpRequired(error: unknown): boolean {
  if (!isApiClientError(error) || error.status !== 401) return false;
  const details = error.details as { reason?: unknown } | undefined;
  return details?.reason === TOTP_REQUIRED;
}

export function useLogin() {
  return useMutation({ mutationFn: login });
}
