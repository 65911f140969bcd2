export * from './audit-logs.ts';
export * from './jobs.ts';
