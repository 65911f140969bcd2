import { z } from 'zod';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { listParams, sortParam } from '../records.ts';

/*
 * Documents: files attached to a record of any registered type (lead, company, contact, deal, quote,
 * invoice, job, visit, expense). Visibility follows the record.
 */

/** A record type as it appears in URLs; the server answers 404 for one no module registered. */
export const attachableType = z.string().regex(/^[a-z][a-z_]{0,39}$/, 'A record type such as "lead"');

/** `/records/{type}/{id}/documents` */
export const recordDocumentsParams = z.strictObject({ type: attachableType, id: uuid });
export const documentVersionParams = z.strictObject({ id: uuid, versionId: uuid });

export const documentVersionSchema = z.object({
  id: uuid,
  number: z.number().int().min(1),
  fileName: z.string(),
  sizeBytes: z.number().int().min(0),
  /** Detected from the file's bytes, never from its name. */
  contentType: z.string(),
  sha256: z.string(),
  uploadedBy: uuid.nullable(),
  uploadedAt: isoDateTime,
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

export const attachedDocumentSchema = z.object({
  id: uuid,
  recordType: z.string(),
  recordId: uuid,
  name: z.string(),
  /** The newest version. */
  current: documentVersionSchema,
  versionCount: z.number().int().min(1),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  createdBy: uuid.nullable(),
  version,
  deletedAt: isoDateTime.nullable(),
});
export type DocumentItem = z.infer<typeof attachedDocumentSchema>;

/** A record's documents, newest first (`cursor`: the last id of the previous page). */
export const documentListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: uuid.optional(),
});

/** Soft delete: the document's current `version` (stale → 409). */
export const documentDeleteInput = z.strictObject({ version });

/** A signed download link for one version; `inline` asks to show safe types (images, audio, PDF) in place. */
export const documentLinkInput = z.strictObject({ inline: z.boolean().default(false) });
export const documentLinkSchema = z.object({ url: z.string(), expiresAt: isoDateTime });
export type DocumentLink = z.infer<typeof documentLinkSchema>;

/** The query of a signed download link (`GET /files/{versionId}`): tenant, member, expiry, signature. */
export const signedDownloadQuery = z.strictObject({
  t: uuid,
  m: uuid,
  e: z.coerce.number().int().min(0).max(99_999_999_999),
  s: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  inline: z.enum(['1']).optional(),
});

/*
 * The documents library (`GET /documents`): every live document of the tenant the caller may see, across
 * record types — the same rule as opening one document (the record type's view permission + record scope).
 */

/** What kind of file, from the detected content type: `image/*`, `application/pdf`, `audio/*`, the rest. */
export const documentFamily = z.enum(['image', 'pdf', 'audio', 'other']);
export type DocumentFamily = z.infer<typeof documentFamily>;
export const DOCUMENT_LIBRARY_SORTS = ['createdAt', 'name'] as const;

export const documentLibraryQuery = z.strictObject({
  limit: listParams.limit,
  cursor: listParams.cursor,
  /** Part of the document's name (its file name unless renamed), case-insensitive. */
  q: listParams.q,
  includeTotal: listParams.includeTotal,
  sort: sortParam(DOCUMENT_LIBRARY_SORTS, '-createdAt'),
  recordType: attachableType.optional(),
  /** Who uploaded the document (its first version): a member's user id, or `me`. */
  uploadedBy: z.union([uuid, z.literal('me')]).optional(),
  family: documentFamily.optional(),
  createdFrom: isoDateTime.optional(),
  createdTo: isoDateTime.optional(),
});
export type DocumentLibraryQuery = z.input<typeof documentLibraryQuery>;

/** The record a library row belongs to: its type, id, a display name when the type has one, the web route. */
export const documentRecordRefSchema = z.object({
  type: z.string(),
  id: uuid,
  label: z.string(),
  name: z.string().nullable(),
  /** The web app's path of the record ("/leads/<id>"), null for a type without a page. */
  url: z.string().nullable(),
});
export type DocumentRecordRef = z.infer<typeof documentRecordRefSchema>;

export const libraryDocumentSchema = attachedDocumentSchema.extend({ record: documentRecordRefSchema });
export type LibraryDocument = z.infer<typeof libraryDocumentSchema>;
