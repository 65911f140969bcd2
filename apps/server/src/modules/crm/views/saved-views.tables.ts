import { sql } from 'drizzle-orm';
import { jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../identity/index.ts';
import { recordColumns } from '../record-columns.ts';

/** A user's saved list filters (leads grid views). */
export const savedViews = pgTable(
  'saved_views',
  {
    ...recordColumns(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    entity: text('entity').notNull(),
    name: text('name').notNull(),
    query: jsonb('query').$type<Record<string, unknown>>().notNull(),
    columns: text('columns').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [
    uniqueIndex('saved_views_tenant_user_name_key').on(t.tenantId, t.userId, t.entity, sql`lower(${t.name})`),
  ],
);
