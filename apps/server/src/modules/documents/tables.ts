import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { idColumn, timestamps, versionColumn } from '../../platform/db/columns.ts';
import { tenants, users } from '../identity/index.ts';

const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/**
 * A file attached to a record of any registered type (`record_type` + `record_id`; the owning module
 * registered the type, so there is no foreign key to its table). `current_version` is the number of the
 * newest version; the composite foreign key (added by hand in the migration, deferred) makes it point at an
 * existing version of this document. Soft delete: `deleted_at` / `deleted_by`; the versions stay.
 */
export const documents = pgTable(
  'documents',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    name: text('name').notNull(),
    currentVersion: integer('current_version').notNull().default(1),
    ...timestamps(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: versionColumn(),
    deletedAt: at('deleted_at'),
    deletedBy: uuid('deleted_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    uniqueIndex('documents_tenant_id_key').on(t.tenantId, t.id),
    index('documents_tenant_record_idx').on(t.tenantId, t.recordType, t.recordId, t.createdAt, t.id),
    // The documents library (GET /documents): live rows per tenant, newest first or by name, and name search.
    index('documents_library_created_idx')
      .on(t.tenantId, t.createdAt, t.id)
      .where(sql`${t.deletedAt} is null`),
    index('documents_library_name_idx').on(t.tenantId, t.name, t.id).where(sql`${t.deletedAt} is null`),
    index('documents_library_search_idx')
      .using('gin', t.tenantId, sql`lower(${t.name}) gin_trgm_ops`)
      .where(sql`${t.deletedAt} is null`),
    check('documents_name_length', sql`char_length(name) between 1 and 255`),
    check('documents_record_type_format', sql`record_type ~ '^[a-z][a-z_]{0,39}$'`),
    check('documents_current_version_positive', sql`current_version >= 1`),
    check('documents_deleted_by_with_at', sql`deleted_by is null or deleted_at is not null`),
  ],
);

/**
 * One uploaded version of a document: numbered 1, 2, … per document (unique, so two concurrent uploads
 * cannot take the same number), with its size, the content type detected from the bytes, the SHA-256 of
 * the bytes and where the storage driver keeps them.
 */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: idColumn(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    documentId: uuid('document_id').notNull(),
    number: integer('number').notNull(),
    fileName: text('file_name').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    contentType: text('content_type').notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: at('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('document_versions_tenant_id_key').on(t.tenantId, t.id),
    uniqueIndex('document_versions_number_key').on(t.tenantId, t.documentId, t.number),
    uniqueIndex('document_versions_storage_key').on(t.tenantId, t.storageKey),
    foreignKey({
      name: 'document_versions_document_fk',
      columns: [t.tenantId, t.documentId],
      foreignColumns: [documents.tenantId, documents.id],
    }).onDelete('cascade'),
    check('document_versions_number_positive', sql`number >= 1`),
    check('document_versions_size', sql`size_bytes >= 0`),
    check('document_versions_sha256', sql`sha256 ~ '^[0-9a-f]{64}$'`),
    check('document_versions_file_name_length', sql`char_length(file_name) between 1 and 255`),
  ],
);
