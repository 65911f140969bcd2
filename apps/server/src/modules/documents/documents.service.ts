import type { DocumentItem, DocumentLink, DocumentVersion } from '@tessera/contracts';
import { and, desc, eq, isNull, lt } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit/index.ts';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { notFound } from '../../platform/http/app-error.ts';
import * as kit from '../../platform/records/index.ts';
import { type DocumentRow, documentDto, type VersionRow, versionDto } from './document-dto.ts';
import type { DocumentsDeps } from './documents-deps.ts';
import { documents, documentVersions } from './tables.ts';

export interface RecordRef {
  type: string;
  id: string;
}

const current = (tenantId: string) =>
  and(
    eq(documentVersions.tenantId, tenantId),
    eq(documentVersions.documentId, documents.id),
    eq(documentVersions.number, documents.currentVersion),
  );

/**
 * A live document the caller may see: it exists in the tenant, is not deleted, and the caller may see the
 * record it belongs to (that type's view permission and record scope). Anything else is the same 404.
 */
export const visibleDocument = async (
  tx: Tx,
  ctx: AuthedContext,
  id: string,
  lock = false,
): Promise<DocumentRow> => {
  const query = tx
    .select()
    .from(documents)
    .where(and(eq(documents.tenantId, ctx.tenantId), eq(documents.id, id), isNull(documents.deletedAt)));
  const [doc] = await (lock ? query.for('update') : query);
  if (!doc) throw notFound('Document');
  await kit
    .assertAttachableVisible(tx, ctx, { type: doc.recordType, id: doc.recordId })
    .catch((err: unknown) => {
      throw err instanceof Error && (err as { code?: string }).code === 'NOT_FOUND'
        ? notFound('Document')
        : err;
    });
  return doc;
};

/** A record's live documents with their current version, newest first. */
export const listDocuments = (
  ctx: AuthedContext,
  ref: RecordRef,
  { limit, cursor }: { limit: number; cursor?: string | undefined },
) =>
  kit.inTenant(ctx, async (tx) => {
    await kit.assertAttachableVisible(tx, ctx, ref);
    const rows = await tx
      .select({ doc: documents, version: documentVersions })
      .from(documents)
      .innerJoin(documentVersions, current(ctx.tenantId))
      .where(
        and(
          eq(documents.tenantId, ctx.tenantId),
          eq(documents.recordType, ref.type),
          eq(documents.recordId, ref.id),
          isNull(documents.deletedAt),
          cursor ? lt(documents.id, cursor) : undefined,
        ),
      )
      .orderBy(desc(documents.id))
      .limit(limit + 1);
    const items: DocumentItem[] = rows.slice(0, limit).map((r) => documentDto(r.doc, r.version));
    const hasMore = rows.length > limit;
    return { items, pagination: { limit, hasMore, nextCursor: hasMore ? (items.at(-1)?.id ?? null) : null } };
  });

const versionsOf = (tx: Tx, tenantId: string, documentId: string) =>
  tx
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.tenantId, tenantId), eq(documentVersions.documentId, documentId)))
    .orderBy(desc(documentVersions.number));

/** One document with its current version. */
export const getDocument = (ctx: AuthedContext, id: string): Promise<DocumentItem> =>
  kit.inTenant(ctx, async (tx) => {
    const doc = await visibleDocument(tx, ctx, id);
    const [latest] = await versionsOf(tx, ctx.tenantId, id).limit(1);
    if (!latest) throw notFound('Document');
    return documentDto(doc, latest);
  });

/** Every version of a document, newest first. */
export const listVersions = (ctx: AuthedContext, id: string): Promise<DocumentVersion[]> =>
  kit.inTenant(ctx, async (tx) => {
    await visibleDocument(tx, ctx, id);
    return (await versionsOf(tx, ctx.tenantId, id)).map(versionDto);
  });

/** Soft delete (`deleted_at`), audited; a stale `version` is a 409 with the current document. */
export const deleteDocument = (ctx: AuthedContext, id: string, version: number) =>
  kit.inTenant(ctx, async (tx) => {
    const doc = await visibleDocument(tx, ctx, id, true);
    if (doc.version !== version) {
      const [latest] = await versionsOf(tx, ctx.tenantId, id).limit(1);
      throw kit.conflict('Document', latest ? documentDto(doc, latest) : null);
    }
    await tx
      .update(documents)
      .set({ deletedAt: new Date(), deletedBy: ctx.userId, version: doc.version + 1 })
      .where(and(eq(documents.tenantId, ctx.tenantId), eq(documents.id, id)));
    await writeAudit(tx, ctx, {
      action: 'document.deleted',
      targetType: 'document',
      targetId: id,
      changes: { deletedAt: { from: null, to: new Date().toISOString() } },
    });
  });

/**
 * A signed, expiring download link for one version of a visible document, bound to the caller: it works
 * without a cookie, and the download checks again that this member may still see the record.
 */
export const createDownloadLink = async (
  ctx: AuthedContext,
  deps: Pick<DocumentsDeps, 'signer' | 'linkTtlSeconds' | 'now'>,
  { id, versionId, inline }: { id: string; versionId: string; inline: boolean },
): Promise<DocumentLink> => {
  const userId = ctx.auth.userId;
  if (!userId) throw notFound('Document');
  const version: VersionRow = await kit.inTenant(ctx, async (tx) => {
    await visibleDocument(tx, ctx, id);
    const [row] = await tx
      .select()
      .from(documentVersions)
      .where(
        and(
          eq(documentVersions.tenantId, ctx.tenantId),
          eq(documentVersions.documentId, id),
          eq(documentVersions.id, versionId),
        ),
      );
    if (!row) throw notFound('Document version');
    return row;
  });
  const expires = Math.floor((deps.now?.() ?? Date.now()) / 1000) + deps.linkTtlSeconds;
  const claims = { tenantId: ctx.tenantId, versionId: version.id, userId, expires };
  const query = new URLSearchParams({
    t: claims.tenantId,
    m: userId,
    e: String(expires),
    s: deps.signer.sign(claims),
    ...(inline ? { inline: '1' } : {}),
  });
  return {
    url: `/api/v1/files/${version.id}?${query}`,
    expiresAt: new Date(expires * 1000).toISOString(),
  };
};
