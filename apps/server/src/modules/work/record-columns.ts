import { sql } from 'drizzle-orm';
import { bigint, date, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumnsFor } from '../../platform/records/index.ts';
import { tenants, users } from '../identity/index.ts';

/** The standard record columns of the work module's tables, referring to identity's tenants and users. */
export const { recordColumns, ownerColumn } = recordColumnsFor({
  tenantId: () => tenants.id,
  userId: () => users.id,
});

export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const money = (name: string) => bigint(name, { mode: 'number' });
export const day = (name: string) => date(name, { mode: 'string' });
export const tenantKey = (name: string, t: { tenantId: unknown; id: unknown }) =>
  uniqueIndex(name).on(t.tenantId as never, t.id as never);
/** Monday of a date column's ISO week (immutable: usable in generated columns and indexes). */
export const mondayOf = (column: string) =>
  sql.raw(`(${column} - (extract(isodow from ${column})::int - 1))`);
