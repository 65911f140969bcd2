export * from './board.ts';
export * from './common.ts';
export * from './crews.ts';
export * from './jobs.ts';
export * from './canvassing.ts';
