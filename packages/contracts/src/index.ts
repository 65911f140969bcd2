export * from './access/index.ts';
export * from './crm/index.ts';
export * from './envelope.ts';
export * from './errors.ts';
export * from './health.ts';
export * from './http.ts';
export * from './identity/index.ts';
export * from './primitives.ts';
