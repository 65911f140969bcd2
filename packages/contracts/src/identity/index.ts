export * from './api-keys.ts';
export * from './auth.ts';
export * from './invitations.ts';
export * from './members.ts';
export * from './roles.ts';
export * from './teams.ts';
