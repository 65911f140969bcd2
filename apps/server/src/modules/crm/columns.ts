import { sql } from 'drizzle-orm';
import { timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.ts';
import { tenants, users } from '../identity/index.ts';

/** Columns every CRM record has: id, tenant, timestamps, author, optimistic version, archive marker. */
export const recordColumns = () => ({
  id: idColumn(),
  tenantId: uuid('tenant_id')
    .notNull()
    .references(() => tenants.id, { onDelete: 'cascade' }),
  ...timestamps(),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  version: versionColumn(),
  archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
});

export const ownerColumn = () => uuid('owner_id').references(() => users.id, { onDelete: 'set null' });

/** Lower-cased text for trigram substring search, kept in sync by PostgreSQL. */
export const searchText = (...parts: string[]) =>
  sql.raw(`lower(${parts.map((p) => `coalesce(${p}, '')`).join(` || ' ' || `)})`);
