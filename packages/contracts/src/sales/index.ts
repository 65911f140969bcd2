export * from './branding.ts';
export * from './calculation.ts';
export * from './catalog.ts';
export * from './commissions.ts';
export * from './documents.ts';
export * from './numbering.ts';
export * from './payments.ts';
export * from './settings.ts';
