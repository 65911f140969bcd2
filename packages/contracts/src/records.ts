import { z } from 'zod';
import { isoDateTime, uuid, version } from './primitives.ts';

/*
 * The record kit's contracts: what every module's records share (the server's platform/records).
 * One list-query shape for the whole API: `listQuery` is `limit` + `cursor` of `listParams`.
 */

/** Fields every record has (the record kit's standard columns, as the API shows them). */
export const recordBase = {
  id: uuid,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  createdBy: uuid.nullable(),
  version,
  archivedAt: isoDateTime.nullable(),
};

/** List query parameters shared by all record lists. `sort` is a whitelisted field, `-` for descending. */
export const listParams = {
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
  q: z.string().trim().max(200).optional(),
  includeTotal: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  archived: z.enum(['exclude', 'include', 'only']).default('exclude'),
};
/** A list that only pages (no search, sort or archive filter). */
export const listQuery = z.strictObject({ limit: listParams.limit, cursor: listParams.cursor });

export const currency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. USD');
/** Money in minor units (cents), never negative, below 10^15. */
export const cents = z.number().int().min(0).max(999_999_999_999_999);
export const csvList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .union([z.array(z.string()), z.string()])
    .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
    .pipe(z.array(item).max(50));
export const sortParam = <const S extends readonly [string, ...string[]]>(
  fields: S,
  fallback: `-${S[number]}` | S[number],
) => z.enum([...fields, ...fields.map((f) => `-${f}`)] as [string, ...string[]]).default(fallback);

/**
 * `GET /<entity>/export` adds `headers` to the list's query: `labels` (default) — a file for spreadsheets (field
 * labels, names instead of ids, money in currency units, a UTF-8 BOM); `keys` — the machine format for
 * re-import (field keys, ids, money in minor units).
 */
export const exportParams = { headers: z.enum(['labels', 'keys']).default('labels') };
export type ExportHeaders = z.output<typeof exportParams.headers>;

export const archiveInput = z.strictObject({ version });
export const bulkIds = z.array(uuid).min(1).max(500);
export const bulkResult = z.object({
  results: z.array(
    z.object({
      id: uuid,
      ok: z.boolean(),
      error: z.object({ code: z.string(), message: z.string() }).optional(),
    }),
  ),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type BulkResult = z.infer<typeof bulkResult>;
