export { countTenants, createTenant, findTenantBySlug, type Tenant } from './tenants.service.ts';
export { tenants } from './tables.ts';
