import {
  baseHubConfig,
  deepMerge,
  type HubConfig,
  type HubOverride,
  hubConfigSchema,
  roleHubConfigs,
} from '@tessera/contracts';
import { AppError } from '../../../platform/http/app-error.ts';

/** base → role layer for a role template key (a custom role, key null, gets the base). */
export const roleBase = (roleKey: string | null): HubConfig =>
  hubConfigSchema.parse(deepMerge(baseHubConfig, (roleKey && roleHubConfigs[roleKey]) || {}));

/**
 * base → role → tenant override, validated. An invalid result is refused with one detail per field, named by
 * its path in the config (`body.override.dashboard.widgets.0.area.w`).
 */
export const mergeOverride = (base: HubConfig, override: HubOverride): HubConfig => {
  const parsed = hubConfigSchema.safeParse(deepMerge(base, override));
  if (parsed.success) return parsed.data;
  throw new AppError('VALIDATION_ERROR', 'The hub configuration is not valid', {
    details: parsed.error.issues.slice(0, 50).map((i) => ({
      path: ['body', 'override', ...i.path.map(String)].join('.'),
      message: i.message,
    })),
  });
};
