export * from './onboarding.ts';
export * from './search.ts';
