export * from './inbound-hooks.ts';
export * from './webhooks.ts';
