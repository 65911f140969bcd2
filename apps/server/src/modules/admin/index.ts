import type { FastifyInstance } from 'fastify';
import type { Database } from '../../platform/db/index.ts';
import { auditLogRoutes } from './audit-logs.routes.ts';
import { tenantSettingsRoutes } from './tenant-settings.routes.ts';

export interface AdminDeps {
  database: Database;
}

/** The admin module's HTTP API: the audit log viewer, company settings. */
export const adminRoutes = async (app: FastifyInstance, deps: AdminDeps) => {
  await app.register(auditLogRoutes, deps);
  await app.register(tenantSettingsRoutes, deps);
};

export { getTenantSettings, initTenantSettings, type TenantSettings } from './tenant-settings.service.ts';
