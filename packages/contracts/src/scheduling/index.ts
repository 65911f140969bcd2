export * from './agents.ts';
export * from './appointment-types.ts';
export * from './appointments.ts';
export * from './booking.ts';
export * from './common.ts';
export * from './zoned-time.ts';
