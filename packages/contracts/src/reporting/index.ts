export * from './kpis.ts';
