import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/index.ts';
import { adminIpAllowlistRoutes } from './admin-ip-allowlist.routes.ts';
import { auditLogRoutes } from './audit-logs.routes.ts';
import { featureFlagRoutes } from './feature-flags/index.ts';
import { hubRoutes } from './hubs/hubs.routes.ts';
import { onboardingRoutes } from './onboarding/onboarding.routes.ts';
import { registerAdminOnboarding } from './onboarding/onboarding-steps.ts';
import { tenantSettingsRoutes } from './tenant-settings.routes.ts';

registerAdminOnboarding();

export interface AdminDeps {
  database: Database;
}

/** The admin module's HTTP API: the audit log viewer, company settings and admin IP allowlist, feature flags, role hubs. */
export const adminRoutes = async (app: FastifyInstance, deps: AdminDeps) => {
  await app.register(auditLogRoutes, deps);
  await app.register(tenantSettingsRoutes, deps);
  await app.register(adminIpAllowlistRoutes, deps);
  await app.register(featureFlagRoutes, deps);
  await app.register(hubRoutes, deps);
  await app.register(onboardingRoutes, deps);
};

export { allowlistOf } from './admin-ip-allowlist.service.ts';
export { featureOn, featuresOff } from './feature-flags/feature-flags.service.ts';
export { type FeatureFlags, registerFeatureFlags } from './feature-flags/index.ts';
export { getTenantSettings, initTenantSettings, type TenantSettings } from './tenant-settings.service.ts';
