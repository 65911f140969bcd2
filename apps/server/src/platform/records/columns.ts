import { sql } from 'drizzle-orm';
import { type AnyPgColumn, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../db/columns.ts';

/** The tables a record's standard columns refer to, given by the module that owns the record (platform knows none). */
export interface RecordColumnRefs {
  tenantId: () => AnyPgColumn;
  userId: () => AnyPgColumn;
}

/**
 * The standard columns of a module's records. `recordColumns`: id, tenant, timestamps, author, optimistic
 * version, archive marker; `ownerColumn`: the owning user. Call once per module with its references.
 */
export const recordColumnsFor = (refs: RecordColumnRefs) => ({
  recordColumns: () => ({
    id: idColumn(),
    tenantId: uuid('tenant_id').notNull().references(refs.tenantId, { onDelete: 'cascade' }),
    ...timestamps(),
    createdBy: uuid('created_by').references(refs.userId, { onDelete: 'set null' }),
    version: versionColumn(),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
  }),
  ownerColumn: () => uuid('owner_id').references(refs.userId, { onDelete: 'set null' }),
});

/** Lower-cased text for trigram substring search, kept in sync by PostgreSQL. */
export const searchText = (...parts: string[]) =>
  sql.raw(`lower(${parts.map((p) => `coalesce(${p}, '')`).join(` || ' ' || `)})`);
