import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiKeyCreatedSchema, type Permission } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { API_KEYS_QUERY_KEY } from './list-api-keys';

export interface ApiKeyCreateValues {
  name: string;
  permissions: Permission[];
  expiresAt?: string | undefined;
}

/** `POST /api/v1/api-keys`: the answer holds the full `key` — the only time it is ever shown. */
export function createApiKey(input: ApiKeyCreateValues) {
  return api.post(v1('api-keys'), input, { schema: apiKeyCreatedSchema });
}

export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApiKey,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_KEYS_QUERY_KEY }),
  });
}
