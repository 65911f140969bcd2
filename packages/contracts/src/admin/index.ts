export * from './admin-ip-allowlist.ts';
export * from './audit-logs.ts';
export * from './feature-flags.ts';
export * from './jobs.ts';
export * from './tenant-settings.ts';
