import { sql } from 'drizzle-orm';
import { bigint, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumnsFor } from '../../platform/records/index.ts';
import { tenants, users } from '../identity/index.ts';

export { searchText } from '../../platform/records/index.ts';

/** The standard record columns of sales tables, referring to identity's tenants and users. */
export const { recordColumns, ownerColumn } = recordColumnsFor({
  tenantId: () => tenants.id,
  userId: () => users.id,
});

/** Column helpers shared by the sales table files. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const money = (name: string) => bigint(name, { mode: 'number' });
export const tenantKey = (name: string, t: { tenantId: unknown; id: unknown }) =>
  uniqueIndex(name).on(t.tenantId as never, t.id as never);
export const nonNegative = (column: string) => sql.raw(`${column} >= 0`);
