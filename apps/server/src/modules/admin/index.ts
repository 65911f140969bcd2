export { getTenantSettings, initTenantSettings, type TenantSettings } from './tenant-settings.service.ts';
