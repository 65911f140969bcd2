export * from './assignments.ts';
export * from './common.ts';
export * from './expenses.ts';
export * from './invoicing.ts';
export * from './projects.ts';
export * from './reports.ts';
export * from './timesheets.ts';
