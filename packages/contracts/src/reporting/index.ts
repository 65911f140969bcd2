export * from './kpis.ts';
export * from './report-subscriptions.ts';
