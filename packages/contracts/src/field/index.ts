export * from './board.ts';
export * from './canvassing.ts';
export * from './common.ts';
export * from './crews.ts';
export * from './jobs.ts';
