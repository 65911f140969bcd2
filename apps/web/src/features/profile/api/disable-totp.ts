import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ME_QUERY_KEY } from '../../../hooks/use-me';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

/** `POST /api/v1/auth/totp/disable`: needs a current code and the password. */
export function disableTotp(input: { code: string; password: string }): Promise<unknown> {
  return api.post(v1('auth/totp/disable'), input);
}

/** Disabling changes `me.user.totpEnabled`. */
export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: disableTotp,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY }),
  });
}
