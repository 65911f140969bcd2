import type { Pagination } from '@tessera/contracts';

/** `{ success: true, data }` */
export const ok = <T>(data: T) => ({ success: true as const, data });

/** `{ success: true, data: items, pagination }` */
export const page = <T>(data: T[], pagination: Pagination) => ({ success: true as const, data, pagination });
