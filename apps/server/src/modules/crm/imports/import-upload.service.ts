import type { Readable } from 'node:stream';
import { TextDecoder } from 'node:util';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { hiddenFields, scopeFor } from '../../../platform/access/index.ts';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { refuseNul } from '../../../platform/http/input-guard.ts';
import type { SendJob } from '../../../platform/jobs/index.ts';
import { inTenant } from '../../../platform/records/index.ts';
import { resolveColumns } from './csv-columns.ts';
import {
  CHUNK_CHARS,
  createCsvScanner,
  csvErrorMessage,
  ImportFileError,
  isCsvError,
} from './csv-reading.ts';
import { type DuplicateStrategy, type ImportEntity, importEntityOf } from './import-entities.ts';
import { IMPORT_JOB, type ImportJobPayload } from './import-job.ts';
import { importChunks, importJobs } from './imports.tables.ts';

/** Largest CSV file an import accepts. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** Room for the multipart framing and the mapping field around the file. */
const ENVELOPE_BYTES = 1024 * 1024;

const tooLarge = (max: number) =>
  new AppError('PAYLOAD_TOO_LARGE', `The file is larger than ${Math.round(max / 1024 / 1024)} MB`);
const invalid = (message: string, path = 'file') =>
  new AppError('VALIDATION_ERROR', message, { details: [{ path, message }] });

const mappingSchema = z
  .record(z.string().max(200), z.string().max(100))
  .refine((m) => Object.keys(m).length <= 200, 'At most 200 columns');

/** The optional `mapping` field: a JSON object `{ "CSV header": "field" }` ("" ignores a column). */
const parseMapping = (value: unknown): Record<string, string> => {
  let parsed = value;
  if (typeof value === 'string') {
    if (value.trim() === '') return {};
    try {
      parsed = JSON.parse(value);
    } catch {
      throw invalid('The mapping must be a JSON object such as {"First name": "firstName"}', 'mapping');
    }
  }
  refuseNul(parsed, 'mapping');
  const result = mappingSchema.safeParse(parsed);
  if (!result.success)
    throw invalid('The mapping must be a JSON object such as {"First name": "firstName"}', 'mapping');
  return result.data;
};

const NOT_CSV = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-|vnd\.openxmlformats|msword|json)/;
const CSV_NAME = /\.(csv|txt|tsv)$/i;

/** Refuses what is obviously not a CSV file by its name and type (the content is checked as it arrives). */
const assertCsvFile = (filename: string, mimetype: string) => {
  const hasExtension = /\.[a-z0-9]{1,5}$/i.test(filename);
  if ((hasExtension && !CSV_NAME.test(filename)) || NOT_CSV.test(mimetype))
    throw invalid('Only CSV files can be imported; save the spreadsheet as "CSV UTF-8" first');
};

/** UTF-8, or — when the start of the file is not valid UTF-8 — Windows-1252 (older spreadsheet exports). */
const pickDecoder = (first: Buffer): TextDecoder => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(first, { stream: true });
    return new TextDecoder('utf-8', { fatal: true });
  } catch {
    return new TextDecoder('windows-1252');
  }
};

/**
 * Stores the uploaded file as it arrives, in ordered ~256 KB text chunks (each insert its own short
 * transaction), while the CSV parser checks it: never more than one chunk in memory.
 */
const storeFile = async (ctx: AuthedContext, importId: string, file: Readable & { truncated?: boolean }) => {
  const scanner = createCsvScanner();
  let decoder: TextDecoder | undefined;
  let pending = '';
  let seq = 0;
  const flush = async () => {
    if (pending === '') return;
    const data = pending;
    pending = '';
    await scanner.write(data);
    const chunk = { tenantId: ctx.tenantId, importId, seq: seq++, data };
    await inTenant(ctx, (tx) => tx.insert(importChunks).values(chunk));
  };
  for await (const buf of file as AsyncIterable<Buffer>) {
    if (buf.includes(0)) throw new ImportFileError('This is not a CSV file (it contains binary data)');
    decoder ??= pickDecoder(buf);
    try {
      pending += decoder.decode(buf, { stream: true });
    } catch {
      throw new ImportFileError('The file is not UTF-8 text; save it as "CSV UTF-8"');
    }
    if (pending.length >= CHUNK_CHARS) await flush();
  }
  if (file.truncated) throw tooLarge(IMPORT_MAX_BYTES);
  pending += decoder?.decode() ?? '';
  await flush();
  return scanner.end();
};

/** Multipart, CSV and file problems as the API's 400 / 413. */
const uploadError = (err: unknown): unknown => {
  if (err instanceof AppError) return err;
  if (err instanceof ImportFileError) return invalid(err.message);
  if (isCsvError(err)) return invalid(csvErrorMessage(err));
  const e = err as { code?: string; statusCode?: number; message?: string };
  if (e.statusCode === 413) return tooLarge(IMPORT_MAX_BYTES);
  if (typeof e.code === 'string' && e.code.startsWith('FST_'))
    return invalid(`The multipart body is not valid: ${e.message ?? e.code}`, 'body');
  return err;
};

export interface StartImportDeps {
  sendJob?: SendJob;
}

/**
 * `POST /{entity}/import`: receives the multipart upload (field `file`, optional `mapping`), stores the
 * file, checks it is CSV with the columns the entity needs, and queues the `crm.import` job once committed.
 * Anything refused (400, 413) leaves nothing behind. Until the upload completes the import row reads
 * `failed` / "The upload did not complete", so a dropped connection never leaves a queued import behind.
 */
export interface ImportUpload {
  entity: ImportEntity;
  /** The multipart request the file streams from. */
  req: FastifyRequest;
  options: { dryRun: boolean; duplicates: DuplicateStrategy };
}

export const startImport = async (
  ctx: AuthedContext,
  deps: StartImportDeps,
  { entity: entityName, req, options }: ImportUpload,
): Promise<{ id: string }> => {
  const entity = importEntityOf(entityName);
  const userId = ctx.auth.userId;
  if (!userId) throw new AppError('FORBIDDEN', 'Imports need a member to own the records');
  if (!req.isMultipart())
    throw invalid('Send the CSV file as multipart/form-data in the field "file"', 'body');
  const length = Number(req.headers['content-length']);
  if (Number.isFinite(length) && length > IMPORT_MAX_BYTES + ENVELOPE_BYTES) throw tooLarge(IMPORT_MAX_BYTES);

  let importId: string | undefined;
  try {
    let explicit: Record<string, string> = {};
    let fileName: string | null = null;
    let scanned: Awaited<ReturnType<typeof storeFile>> | undefined;
    for await (const part of req.parts()) {
      if (part.type === 'field') {
        if (part.fieldname === 'mapping') explicit = parseMapping(part.value);
        continue;
      }
      if (part.fieldname !== 'file' || scanned) {
        part.file.resume(); // not ours: drain it
        continue;
      }
      assertCsvFile(part.filename ?? '', part.mimetype ?? '');
      fileName = part.filename ? part.filename.slice(0, 255) : null;
      const [created] = await inTenant(ctx, (tx) =>
        tx
          .insert(importJobs)
          .values({
            tenantId: ctx.tenantId,
            createdBy: userId,
            entity: entityName,
            status: 'failed',
            failureMessage: 'The upload did not complete',
            dryRun: options.dryRun,
            duplicates: options.duplicates,
            fileName,
          })
          .returning({ id: importJobs.id }),
      );
      importId = created?.id;
      if (!importId) throw new Error('import insert returned nothing');
      scanned = await storeFile(ctx, importId, part.file);
    }
    if (!scanned || !importId) throw invalid('No file: send the CSV in the multipart field "file"');
    const { header, rows } = scanned;
    if (!header || header.every((h) => h.trim() === '')) throw invalid('The file is empty');
    if (rows === 0) throw invalid('The file has a header row but no data rows');
    const resolved = resolveColumns(
      entity,
      header.map((h) => h.trim()),
      explicit,
    );
    if ('issues' in resolved)
      throw new AppError('VALIDATION_ERROR', resolved.issues.map((i) => i.message).join('; '), {
        details: resolved.issues,
      });
    // As on the API: nobody writes a field they may not read (money fields without fields.money.view).
    const hidden = hiddenFields(ctx.auth);
    const blocked = Object.entries(resolved.plan.mapping).filter(([, field]) => hidden.has(field));
    if (blocked.length > 0)
      throw new AppError(
        'FORBIDDEN',
        `You cannot import ${blocked.map(([, f]) => f).join(', ')} without permission to see money fields; ` +
          `map ${blocked.map(([h]) => `"${h}"`).join(', ')} to "" to leave it out`,
        {
          details: blocked.map(([h, f]) => ({
            path: `mapping.${h}`,
            message: `${f}: not allowed for your role`,
          })),
        },
      );

    const id = importId;
    await inTenant(ctx, async (tx) => {
      await tx
        .update(importJobs)
        .set({ status: 'queued', failureMessage: null, total: rows, mapping: resolved.plan.mapping })
        .where(and(eq(importJobs.tenantId, ctx.tenantId), eq(importJobs.id, id)));
      await writeAudit(tx, ctx, {
        action: 'import.created',
        targetType: 'import',
        targetId: id,
        changes: {
          entity: { from: null, to: entityName },
          fileName: { from: null, to: fileName },
          rows: { from: null, to: rows },
          dryRun: { from: null, to: options.dryRun },
          duplicates: { from: null, to: options.duplicates },
        },
      });
    });
  } catch (err) {
    const id = importId;
    if (id) {
      await inTenant(ctx, (tx) =>
        tx.delete(importJobs).where(and(eq(importJobs.tenantId, ctx.tenantId), eq(importJobs.id, id))),
      ).catch((cleanupErr: unknown) =>
        ctx.log.error({ err: cleanupErr }, 'could not remove a refused import'),
      );
    }
    throw uploadError(err);
  }

  const payload: ImportJobPayload = {
    tenantId: ctx.tenantId,
    importId,
    userId,
    apiKeyId: ctx.auth.apiKeyId ?? null,
    requestId: ctx.requestId ?? null,
    scope: scopeFor(ctx.auth, entity.def.scope),
  };
  if (!deps.sendJob) ctx.log.warn({ importId }, 'no job queue: the import stays queued');
  ctx.afterCommit(async () => deps.sendJob?.(IMPORT_JOB, payload));
  return { id: importId };
};
