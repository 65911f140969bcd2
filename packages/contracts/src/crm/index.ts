export * from './activities-tasks.ts';
export * from './common.ts';
export * from './companies-contacts.ts';
export * from './deals.ts';
export * from './imports.ts';
export * from './leads.ts';
export * from './saved-views.ts';
