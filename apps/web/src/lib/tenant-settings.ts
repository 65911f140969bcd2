import { queryOptions, useQuery } from '@tanstack/react-query';
import { type TenantSettingsDto, tenantSettingsSchema } from '@tessera/contracts';
import { api } from './api-client';
import { v1 } from './endpoints';
import { setTenantFormatting } from './tenant-format';

export const TENANT_SETTINGS_QUERY_KEY = ['settings'] as const;
export const TENANT_SETTINGS_PATH = v1('settings');

/** `GET /api/v1/settings`; each answer also becomes the formatting default (locale, currency, time zone). */
export async function getTenantSettings(signal?: AbortSignal): Promise<TenantSettingsDto> {
  const settings = await api.get(TENANT_SETTINGS_PATH, { schema: tenantSettingsSchema, signal });
  applyTenantSettings(settings);
  return settings;
}

export function applyTenantSettings(settings: TenantSettingsDto): void {
  setTenantFormatting({ locale: settings.locale, currency: settings.currency, timeZone: settings.timezone });
}

export function tenantSettingsQueryOptions() {
  return queryOptions({
    queryKey: TENANT_SETTINGS_QUERY_KEY,
    queryFn: ({ signal }) => getTenantSettings(signal),
    staleTime: 5 * 60_000,
  });
}

export function useTenantSettings() {
  return useQuery(tenantSettingsQueryOptions());
}
