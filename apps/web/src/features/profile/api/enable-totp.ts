import { useMutation, useQueryClient } from '@tanstack/react-query';
import { totpEnabledSchema } from '@tessera/contracts';
import { ME_QUERY_KEY } from '../../../hooks/use-me';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { RECOVERY_CODES_QUERY_KEY } from './recovery-codes';

/** `POST /api/v1/auth/totp/enable`: turns two-factor on with a code; answers the recovery codes, this once. */
export function enableTotp(input: { code: string }) {
  return api.post(v1('auth/totp/enable'), input, { schema: totpEnabledSchema });
}

/** Enabling changes `me.user.totpEnabled` and the recovery-code count. */
export function useEnableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableTotp,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: RECOVERY_CODES_QUERY_KEY });
      return queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    },
  });
}
