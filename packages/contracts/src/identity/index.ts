export * from './auth.ts';
export * from './members.ts';
