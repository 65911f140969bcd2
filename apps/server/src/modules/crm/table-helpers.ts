import { sql } from 'drizzle-orm';
import { bigint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** Column helpers shared by the CRM's table files. */
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
export const money = (name: string) => bigint(name, { mode: 'number' });
export const tagsColumn = () => text('tags').array().notNull().default(sql`'{}'::text[]`);
export const tenantKey = (name: string, t: { tenantId: unknown; id: unknown }) =>
  uniqueIndex(name).on(t.tenantId as never, t.id as never);
