export { tenants } from './tables.ts';
export { countTenants, createTenant, findTenantBySlug, type Tenant } from './tenants.service.ts';
