export * from './permissions.ts';
export * from './role-templates.ts';
