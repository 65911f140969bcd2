import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type AdminIpAllowlistUpdateInput, adminIpAllowlistSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { TENANT_SETTINGS_QUERY_KEY } from '../../../lib/tenant-settings';

const PATH = '/api/v1/settings/admin-ip-allowlist';
const KEY = ['settings', 'admin-ip-allowlist'] as const;

/** The addresses admin operations may come from, and the caller's own address as the server sees it. */
export const useAdminIpAllowlist = () =>
  useQuery({ queryKey: KEY, queryFn: () => api.get(PATH, { schema: adminIpAllowlistSchema }) });

/** `PUT` the whole list with the settings `version` (it shares the company settings' version). */
export function useUpdateAdminIpAllowlist() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AdminIpAllowlistUpdateInput) =>
      api.put(PATH, input, { schema: adminIpAllowlistSchema }),
    onSuccess: (data) => {
      queryClient.setQueryData(KEY, data);
      // The company settings' version moved on with it.
      void queryClient.invalidateQueries({ queryKey: TENANT_SETTINGS_QUERY_KEY });
    },
  });
}
