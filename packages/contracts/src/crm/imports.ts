import { z } from 'zod';
import { isoDateTime, uuid } from '../primitives.ts';

export const IMPORT_ENTITIES = ['leads', 'contacts', 'companies', 'products'] as const;
export const importEntity = z.enum(IMPORT_ENTITIES);
export const importStatus = z.enum(['queued', 'running', 'completed', 'failed']);
export const duplicateStrategy = z.enum(['skip', 'update', 'create']);

export const importJobSchema = z.object({
  id: uuid,
  entity: importEntity,
  status: importStatus,
  dryRun: z.boolean(),
  duplicates: duplicateStrategy,
  fileName: z.string().nullable(),
  total: z.number().int(),
  processed: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  skipped: z.number().int(),
  /**
   * The report: rows with errors and skipped duplicates (`duplicate: true`, with the row of the file or the
   * existing record they match), in row order; the first 5000 entries.
   */
  errors: z.array(
    z.object({
      row: z.number().int(),
      field: z.string().nullable(),
      message: z.string(),
      duplicate: z.literal(true).optional(),
      duplicateOfRow: z.number().int().optional(),
      duplicateOfId: uuid.optional(),
    }),
  ),
  /** Problems in rows that were refused (one per problem); skipped duplicates are counted in `skipped`. */
  errorCount: z.number().int(),
  mode: z
    .literal('partial')
    .describe('Valid rows are written even when other rows fail; the report lists every failed row'),
  mapping: z.record(z.string(), z.string()),
  createdAt: isoDateTime,
  finishedAt: isoDateTime.nullable(),
  failureMessage: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;

/** Query options of `POST /{leads|contacts|companies}/import` (the file is the multipart field `file`). */
export const importOptionsQuery = z.strictObject({
  dryRun: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .default(false),
  duplicates: duplicateStrategy.default('skip'),
});
