import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { recordColumns } from '../record-columns.ts';
import { at, tenantKey } from '../table-helpers.ts';

/** Background CSV imports: progress and per-row report. The uploaded file lives in import_chunks. */
export const importJobs = pgTable(
  'import_jobs',
  {
    ...recordColumns(),
    entity: text('entity', { enum: ['leads', 'contacts', 'companies', 'products'] }).notNull(),
    status: text('status', { enum: ['queued', 'running', 'completed', 'failed'] })
      .notNull()
      .default('queued'),
    dryRun: boolean('dry_run').notNull().default(false),
    duplicates: text('duplicates', { enum: ['skip', 'update', 'create'] })
      .notNull()
      .default('skip'),
    fileName: text('file_name'),
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull().default({}),
    total: integer('total').notNull().default(0),
    processed: integer('processed').notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    errors: jsonb('errors')
      .$type<{ row: number; field: string | null; message: string }[]>()
      .notNull()
      .default([]),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    failureMessage: text('failure_message'),
  },
  (t) => [
    tenantKey('import_jobs_tenant_id_key', t),
    index('import_jobs_tenant_created_idx').on(t.tenantId, t.createdAt),
  ],
);

/** The uploaded CSV of an import, in ordered chunks (any instance's worker can stream it). */
export const importChunks = pgTable(
  'import_chunks',
  {
    tenantId: uuid('tenant_id').notNull(),
    importId: uuid('import_id').notNull(),
    seq: integer('seq').notNull(),
    data: text('data').notNull(),
  },
  (t) => [
    uniqueIndex('import_chunks_key').on(t.tenantId, t.importId, t.seq),
    foreignKey({
      name: 'import_chunks_import_fk',
      columns: [t.tenantId, t.importId],
      foreignColumns: [importJobs.tenantId, importJobs.id],
    }).onDelete('cascade'),
  ],
);
