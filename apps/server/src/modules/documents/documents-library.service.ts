import type { DocumentFamily, documentLibraryQuery, LibraryDocument } from '@tessera/contracts';
import { and, eq, inArray, isNull, notLike, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import * as kit from '../../platform/records/index.ts';
import { documentDto } from './document-dto.ts';
import { documents, documentVersions } from './tables.ts';

type LibraryQuery = z.output<typeof documentLibraryQuery>;

/** The current version's detected content type, per family (`other`: none of the named ones). */
const familyWhere = (family: DocumentFamily): SQL => {
  const type = documentVersions.contentType;
  const named = {
    image: sql`${type} like 'image/%'`,
    pdf: eq(type, 'application/pdf'),
    audio: sql`${type} like 'audio/%'`,
  };
  const cond =
    family === 'other'
      ? (and(notLike(type, 'image/%'), notLike(type, 'audio/%'), sql`${type} <> 'application/pdf'`) as SQL)
      : named[family];
  return sql`exists (select 1 from ${documentVersions} where ${documentVersions.tenantId} = ${documents.tenantId} and ${documentVersions.documentId} = ${documents.id} and ${documentVersions.number} = ${documents.currentVersion} and ${cond})`;
};

/**
 * The documents library: the live documents of the tenant the caller may see — for each record type whose view
 * permission they hold, only those of records within their record scope (`kit.attachableVisibleWhere`, the rule
 * `visibleDocument` applies to one document). Keyset pages through the record kit's list machinery; the indexes
 * `documents_library_created_idx` / `documents_library_name_idx` (live rows per tenant) serve both sorts.
 */
const librarySpec = (ctx: AuthedContext, query: LibraryQuery): kit.ListSpec => ({
  table: documents,
  id: documents.id,
  tenantId: documents.tenantId,
  searchText: sql`lower(${documents.name})` as never,
  sorts: {
    createdAt: { expr: documents.createdAt, type: 'timestamp' },
    name: { expr: documents.name, type: 'text' },
  },
  where: [
    isNull(documents.deletedAt),
    kit.attachableVisibleWhere(ctx, { type: documents.recordType, id: documents.recordId }, query.recordType),
    query.recordType ? eq(documents.recordType, query.recordType) : undefined,
    query.uploadedBy ? kit.personFilter(documents.createdBy, query.uploadedBy, ctx.userId) : undefined,
    query.family ? familyWhere(query.family) : undefined,
    query.createdFrom ? sql`${documents.createdAt} >= ${query.createdFrom}::timestamptz` : undefined,
    query.createdTo ? sql`${documents.createdAt} <= ${query.createdTo}::timestamptz` : undefined,
  ],
});

export const listLibrary = (ctx: AuthedContext, query: LibraryQuery) =>
  kit.inTenant(ctx, async (tx) => {
    const { rows, pagination } = await kit.runList<{ id: string }>(
      tx,
      librarySpec(ctx, query),
      ctx.tenantId,
      {
        limit: query.limit,
        sort: query.sort,
        ...(query.cursor ? { cursor: query.cursor } : {}),
        ...(query.q ? { q: query.q } : {}),
        includeTotal: query.includeTotal ?? false,
      },
      { id: documents.id },
    );
    const ids = rows.map((r) => r.id);
    if (ids.length === 0) return { items: [] as LibraryDocument[], pagination };
    const full = await tx
      .select({ doc: documents, version: documentVersions })
      .from(documents)
      .innerJoin(
        documentVersions,
        and(
          eq(documentVersions.tenantId, documents.tenantId),
          eq(documentVersions.documentId, documents.id),
          eq(documentVersions.number, documents.currentVersion),
        ),
      )
      .where(and(eq(documents.tenantId, ctx.tenantId), inArray(documents.id, ids)));
    const byId = new Map(full.map((r) => [r.doc.id, r]));
    const refs = await kit.attachedRecordRefs(
      tx,
      ctx,
      full.map((r) => ({ type: r.doc.recordType, id: r.doc.recordId })),
    );
    const items: LibraryDocument[] = [];
    for (const id of ids) {
      const row = byId.get(id);
      if (!row) continue;
      const ref = refs.get(`${row.doc.recordType}:${row.doc.recordId}`);
      if (!ref) continue;
      items.push({ ...documentDto(row.doc, row.version), record: ref });
    }
    return { items, pagination };
  });
