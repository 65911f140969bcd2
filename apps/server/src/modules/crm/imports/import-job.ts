import { recordScopes } from '@tessera/contracts';
import { and, asc, eq, getTableName, gt, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { type JobContext, jobContext } from '../../../platform/context/service-context.ts';
import type { Database, Tx } from '../../../platform/db/index.ts';
import { defineJob } from '../../../platform/jobs/index.ts';
import { inTenant } from '../../../platform/records/index.ts';
import { resolveColumns } from './csv-columns.ts';
import { csvErrorMessage, csvRecords, ImportFileError, isBlankRecord, isCsvError } from './csv-reading.ts';
import { applyBatch, type PreparedBatch, prepareBatch } from './import-batch.ts';
import type { BatchContext } from './import-context.ts';
import { importEntityOf } from './import-entities.ts';
import { importChunks, importJobs } from './imports.tables.ts';

export const IMPORT_JOB = 'crm.import';
/**
 * Rows per transaction at most: one INSERT (on PostgreSQL fed by COPY, so a bigger batch costs no bigger
 * statement), one UPDATE, one progress update.
 */
export const IMPORT_BATCH_ROWS = { postgres: 5000, pglite: 1000 } as const;
/**
 * A smaller file is applied in smaller batches (at least ~20 progress steps, at least 100 rows each), so the
 * progress bar moves during an import of a few thousand rows instead of jumping from 0 to the end.
 */
export const batchRowsFor = (total: number, kind: keyof typeof IMPORT_BATCH_ROWS = 'pglite') =>
  Math.min(IMPORT_BATCH_ROWS[kind], Math.max(100, Math.ceil(total / 20)));
/** The report keeps the first this many entries (errors and skipped duplicates); the counters count them all. */
export const MAX_STORED_ERRORS = 5000;
const CHUNKS_PER_READ = 4;
const RETRY = { limit: 2, delaySeconds: 15 };

export const importJobPayload = z.strictObject({
  tenantId: z.guid(),
  importId: z.guid(),
  /** The importing member: owner and author of the records. */
  userId: z.guid(),
  apiKeyId: z.guid().nullable(),
  requestId: z.string().max(200).nullable(),
  /** The importer's record scope on the entity when they uploaded the file. */
  scope: z.enum(recordScopes),
});
export type ImportJobPayload = z.infer<typeof importJobPayload>;

/** The stored file's text, a few chunks per query, in order (each read its own short transaction). */
async function* storedChunks(ctx: JobContext, p: ImportJobPayload): AsyncGenerator<string> {
  let after = -1;
  for (;;) {
    const page = await inTenant(ctx, (tx) =>
      tx
        .select({ seq: importChunks.seq, data: importChunks.data })
        .from(importChunks)
        .where(
          and(
            eq(importChunks.tenantId, p.tenantId),
            eq(importChunks.importId, p.importId),
            gt(importChunks.seq, after),
          ),
        )
        .orderBy(asc(importChunks.seq))
        .limit(CHUNKS_PER_READ),
    );
    if (page.length === 0) return;
    for (const chunk of page) {
      after = chunk.seq;
      yield chunk.data;
    }
  }
}

const thisImport = (p: ImportJobPayload) =>
  and(eq(importJobs.tenantId, p.tenantId), eq(importJobs.id, p.importId));

/** Ends the import (completed or failed) and deletes its stored file, in one transaction. */
const finish = async (tx: Tx, p: ImportJobPayload, values: Partial<typeof importJobs.$inferInsert>) => {
  await tx
    .update(importJobs)
    .set({ ...values, finishedAt: new Date() })
    .where(thisImport(p));
  await tx
    .delete(importChunks)
    .where(and(eq(importChunks.tenantId, p.tenantId), eq(importChunks.importId, p.importId)));
};

/**
 * Runs one import: streams the stored file through the CSV parser and applies it in batches, each batch in
 * its own transaction together with the progress counters — so the import is **partial** (valid rows are
 * written even when others fail; a failure stops it with the earlier batches kept), and a retried job
 * resumes after the last committed batch instead of importing rows twice.
 */
export const runImport = async (
  database: Database,
  p: ImportJobPayload,
  opts: { log: Logger; signal?: AbortSignal; finalAttempt: boolean },
): Promise<void> => {
  const base = { database, log: opts.log, tenantId: p.tenantId, userId: p.userId };
  const job = await inTenant(base, async (tx) => {
    const [row] = await tx.select().from(importJobs).where(thisImport(p)).for('update');
    if (!row || row.status === 'completed' || row.status === 'failed') return undefined;
    if (row.status === 'queued')
      await tx.update(importJobs).set({ status: 'running', startedAt: new Date() }).where(thisImport(p));
    return row;
  });
  if (!job) return;

  const entity = importEntityOf(job.entity);
  const state = {
    processed: job.processed,
    created: job.created,
    updated: job.updated,
    skipped: job.skipped,
    errorCount: job.errorCount,
    stored: job.errors.length,
  };
  const jobCtx = jobContext({
    ...base,
    apiKeyId: p.apiKeyId,
    requestId: p.requestId,
    scopes: { [entity.def.scope]: p.scope },
  });
  let ctx: BatchContext | undefined;
  let row = 0;
  const batchRows = batchRowsFor(job.total, database.kind);

  const applyAndRecord = (prepared: PreparedBatch, batch: BatchContext) =>
    inTenant(jobCtx, async (tx) => {
      const out = await applyBatch(tx, batch, prepared);
      const keep = out.report.slice(0, Math.max(0, MAX_STORED_ERRORS - state.stored));
      const next = {
        processed: state.processed + prepared.count,
        created: state.created + out.created,
        updated: state.updated + out.updated,
        skipped: state.skipped + out.skipped,
        errorCount: state.errorCount + out.report.filter((entry) => !entry.duplicate).length,
        stored: state.stored + keep.length,
      };
      const { stored: _stored, ...counters } = next;
      await tx
        .update(importJobs)
        .set({
          ...counters,
          total: sql`greatest(${importJobs.total}, ${next.processed})`,
          ...(keep.length > 0 ? { errors: sql`${importJobs.errors} || ${JSON.stringify(keep)}::jsonb` } : {}),
        })
        .where(thisImport(p));
      return next;
    });

  // The planner's statistics of the target table, refreshed after the first written batch and whenever the
  // import's rows grow fourfold (migration 0048): a new tenant's rows are otherwise invisible to it, and the
  // duplicate lookup could probe an index that reads the whole tenant per key. Once the first refresh shows
  // the tenant's rows, the lookup's plan holds; fourfold (not twofold) saves 2 of 5 refreshes at 100 000 rows.
  let analyzeAt = job.dryRun || job.duplicates === 'create' ? Number.POSITIVE_INFINITY : state.created + 1;
  const refreshStatistics = async () => {
    if (state.created < analyzeAt) return;
    analyzeAt = state.created * 4;
    const columns = ['tenant_id', 'archived_at', ...entity.duplicateKeys.map((k) => k.column.name)];
    // Only a help for the planner: an import never fails because of it.
    await inTenant(jobCtx, (tx) =>
      tx.execute(
        sql`select tessera_analyze_import_target(${getTableName(entity.def.table)}, ${sql.param(columns)}::text[])`,
      ),
    ).catch((err: unknown) =>
      opts.log.warn({ err, importId: p.importId }, 'import: could not refresh the table statistics'),
    );
  };

  // One batch ahead: while a batch is written (its transaction, then the statistics refresh), the loop reads,
  // parses and validates the next one; it waits for that write before handing over the next batch, so at
  // most two batches are in memory and batches still commit one after the other, in file order.
  let writing: Promise<void> | undefined;
  const write = (prepared: PreparedBatch, batch: BatchContext) => {
    writing = (async () => {
      Object.assign(state, await applyAndRecord(prepared, batch));
      await refreshStatistics();
    })();
    // A failed write is awaited (and rethrown) by `written`; until then it must not count as unhandled.
    writing.catch(() => {});
  };
  const written = async () => {
    const pending = writing;
    writing = undefined;
    await pending;
  };

  try {
    const resumeAfter = state.processed;
    let seen = 0;
    let batch: { row: number; record: string[] }[] = [];
    for await (const record of csvRecords(storedChunks(jobCtx, p))) {
      row++;
      if (!ctx) {
        const header = record.map((h) => h.trim());
        const resolved = resolveColumns(entity, header, job.mapping);
        if ('issues' in resolved) throw new ImportFileError(resolved.issues.map((i) => i.message).join('; '));
        ctx = {
          importId: p.importId,
          entity,
          duplicates: job.duplicates,
          dryRun: job.dryRun,
          actor: { ...jobCtx, userId: p.userId },
          principal: jobCtx.auth,
          header,
          columns: resolved.plan.columns,
          ...(job.dryRun ? { seenKeys: new Map<string, number>() } : {}),
        };
        continue;
      }
      if (isBlankRecord(record)) continue;
      seen++;
      if (seen <= resumeAfter) continue; // committed by an earlier attempt
      batch.push({ row, record });
      if (batch.length >= batchRows) {
        const prepared = prepareBatch(ctx, batch);
        batch = [];
        await written();
        if (opts.signal?.aborted) throw new Error('The import job was stopped before the end of the file');
        write(prepared, ctx);
      }
    }
    if (!ctx) throw new ImportFileError('The file is empty');
    const last = batch.length > 0 ? prepareBatch(ctx, batch) : undefined;
    await written();
    if (last) Object.assign(state, await applyAndRecord(last, ctx));
    await inTenant(jobCtx, (tx) => finish(tx, p, { status: 'completed', failureMessage: null }));
  } catch (thrown) {
    // The batch still being written ends first: its outcome counts, and its error came first in file order.
    let err = thrown;
    await written().catch((writeErr: unknown) => {
      err = writeErr;
    });
    const permanent = err instanceof ImportFileError || isCsvError(err);
    if (!permanent && !opts.finalAttempt) {
      opts.log.warn(
        { err, importId: p.importId, processed: state.processed },
        'import interrupted: will retry',
      );
      throw err;
    }
    opts.log.error({ err, importId: p.importId, processed: state.processed }, 'import failed');
    const reason = isCsvError(err)
      ? `${csvErrorMessage(err)} (after row ${row})`
      : permanent
        ? (err as Error).message
        : 'The import stopped because of an unexpected error';
    const kept = job.dryRun
      ? 'Nothing was written (dry run).'
      : `The ${state.processed} rows processed before it stay imported (partial import).`;
    await inTenant(jobCtx, (tx) => finish(tx, p, { status: 'failed', failureMessage: `${reason}. ${kept}` }));
  }
};

/** Background CSV import of leads, contacts or companies (queued by the upload). */
export const crmImportJob = defineJob({
  name: IMPORT_JOB,
  payload: importJobPayload,
  retry: RETRY,
  // A big file on a small machine may take a while; an expired job would be started a second time.
  expireInSeconds: 4 * 60 * 60,
  handler: (payload, { database, log, retryCount, signal }) =>
    runImport(database, payload, { log, signal, finalAttempt: retryCount >= RETRY.limit }),
});
