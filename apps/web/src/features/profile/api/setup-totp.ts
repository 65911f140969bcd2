import { useMutation } from '@tanstack/react-query';
import { totpSetupSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

/** `POST /api/v1/auth/totp/setup`: a new secret + otpauth URI (inactive until confirmed with a code). */
export function setupTotp() {
  return api.post(v1('auth/totp/setup'), undefined, { schema: totpSetupSchema });
}

export function useSetupTotp() {
  return useMutation({ mutationFn: setupTotp });
}
