import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type TenantSettingsUpdateInput, tenantSettingsSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import {
  applyTenantSettings,
  TENANT_SETTINGS_PATH,
  TENANT_SETTINGS_QUERY_KEY,
} from '../../../lib/tenant-settings';

/** `PATCH /api/v1/settings` with the `version` read (409 when someone else changed them first). */
export function useUpdateSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TenantSettingsUpdateInput) =>
      api.patch(TENANT_SETTINGS_PATH, input, { schema: tenantSettingsSchema }),
    onSuccess: (settings) => {
      applyTenantSettings(settings);
      queryClient.setQueryData(TENANT_SETTINGS_QUERY_KEY, settings);
      // The admin address list shares the settings' version: read it again.
      void queryClient.invalidateQueries({ queryKey: ['settings', 'admin-ip-allowlist'] });
    },
  });
}
