import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { recoveryCodesSchema, recoveryCodesStatusSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

export const RECOVERY_CODES_QUERY_KEY = ['auth', 'recovery-codes'] as const;

/** `GET /api/v1/auth/totp/recovery-codes`: how many unused codes are left (only while 2FA is on). */
export function useRecoveryCodesLeft(enabled: boolean) {
  return useQuery({
    queryKey: RECOVERY_CODES_QUERY_KEY,
    queryFn: ({ signal }) =>
      api.get(v1('auth/totp/recovery-codes'), { schema: recoveryCodesStatusSchema, signal }),
    enabled,
  });
}

/** `POST /api/v1/auth/totp/recovery-codes`: a new set with the password (the old codes stop working). */
export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { password: string }) =>
      api.post(v1('auth/totp/recovery-codes'), input, { schema: recoveryCodesSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: RECOVERY_CODES_QUERY_KEY }),
  });
}
