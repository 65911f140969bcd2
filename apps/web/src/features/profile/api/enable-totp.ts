import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../../../hooks/use-me';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

/** `POST /api/v1/auth/totp/enable`: turns two-factor on with a code from the new secret. */
export function enableTotp(input: { code: string }): Promise<unknown> {
  return api.post(v1('auth/totp/enable'), input);
}

/** Enabling changes `me.user.totpEnabled`. */
export function useEnableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: enableTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}
