export * from './hub-api.ts';
export * from './hub-base.ts';
export * from './hub-config.ts';
