import { createReadStream } from 'node:fs';
import type { DocumentItem } from '@tessera/contracts';
import { and, eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { writeAudit } from '../../platform/audit/index.ts';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import { newId } from '../../platform/db/columns.ts';
import type { Tx } from '../../platform/db/index.ts';
import * as kit from '../../platform/records/index.ts';
import { documentDto } from './document-dto.ts';
import { type RecordRef, visibleDocument } from './documents.service.ts';
import type { DocumentsDeps } from './documents-deps.ts';
import { documents, documentVersions } from './tables.ts';
import { discard, type ReceivedFile, receiveUpload } from './upload-receiver.ts';

type UploadDeps = Pick<DocumentsDeps, 'store' | 'maxBytes' | 'tmpDir'>;

/**
 * The shared path of every upload: check access before reading the body, receive the file into a temporary
 * file (size limit, type from the bytes), store it under a fresh key, then record it in one tenant
 * transaction (which checks access again). Whatever fails, the temporary file is gone and a stored object
 * whose transaction rolled back is removed.
 */
const upload = async <T>(
  ctx: AuthedContext,
  deps: UploadDeps,
  req: FastifyRequest,
  steps: {
    check: (tx: Tx) => Promise<unknown>;
    documentId: string;
    record: (tx: Tx, file: ReceivedFile, versionId: string, storageKey: string) => Promise<T>;
  },
): Promise<T> => {
  await kit.inTenant(ctx, steps.check);
  const file = await receiveUpload(req, deps);
  const versionId = newId();
  const storageKey = `${ctx.tenantId}/${steps.documentId}/${versionId}`;
  try {
    await deps.store.put(storageKey, createReadStream(file.tmpPath), file.size, file.contentType);
  } finally {
    await discard(file.tmpPath);
  }
  try {
    return await kit.inTenant(ctx, (tx) => steps.record(tx, file, versionId, storageKey));
  } catch (err) {
    await deps.store
      .remove(storageKey)
      .catch((removeErr: unknown) => ctx.log.error({ err: removeErr, storageKey }, 'orphan document object'));
    throw err;
  }
};

const versionValues = (
  ctx: AuthedContext,
  file: ReceivedFile,
  ids: { versionId: string; documentId: string; storageKey: string; number: number },
) => ({
  id: ids.versionId,
  tenantId: ctx.tenantId,
  documentId: ids.documentId,
  number: ids.number,
  fileName: file.fileName,
  sizeBytes: file.size,
  contentType: file.contentType,
  sha256: file.sha256,
  storageKey: ids.storageKey,
  uploadedBy: ctx.userId,
});

const fileAudit = (file: ReceivedFile, number: number) => ({
  fileName: { from: null, to: file.fileName },
  number: { from: null, to: number },
  sizeBytes: { from: null, to: file.size },
  contentType: { from: null, to: file.contentType },
  sha256: { from: null, to: file.sha256 },
});

/** `POST /records/{type}/{id}/documents`: a new document (version 1) on a record the caller may see. */
export const uploadDocument = (
  ctx: AuthedContext,
  deps: UploadDeps,
  { ref, req }: { ref: RecordRef; req: FastifyRequest },
): Promise<DocumentItem> => {
  const documentId = newId();
  return upload(ctx, deps, req, {
    documentId,
    check: (tx) => kit.assertAttachableVisible(tx, ctx, ref),
    record: async (tx, file, versionId, storageKey) => {
      await kit.assertAttachableVisible(tx, ctx, ref);
      const [doc] = await tx
        .insert(documents)
        .values({
          id: documentId,
          tenantId: ctx.tenantId,
          recordType: ref.type,
          recordId: ref.id,
          name: file.name ?? file.fileName,
          currentVersion: 1,
          createdBy: ctx.userId,
        })
        .returning();
      const [version] = await tx
        .insert(documentVersions)
        .values(versionValues(ctx, file, { versionId, documentId, storageKey, number: 1 }))
        .returning();
      if (!doc || !version) throw new Error('document insert returned nothing');
      await writeAudit(tx, ctx, {
        action: 'document.created',
        targetType: 'document',
        targetId: documentId,
        changes: {
          record: { from: null, to: `${ref.type}:${ref.id}` },
          name: { from: null, to: doc.name },
          ...fileAudit(file, 1),
        },
      });
      return documentDto(doc, version);
    },
  });
};

/**
 * `POST /documents/{id}/versions`: the next version of a live document. The document row is locked, so
 * concurrent uploads get consecutive numbers (the unique number index holds it in any case).
 */
export const uploadVersion = (
  ctx: AuthedContext,
  deps: UploadDeps,
  { id, req }: { id: string; req: FastifyRequest },
): Promise<DocumentItem> =>
  upload(ctx, deps, req, {
    documentId: id,
    check: (tx) => visibleDocument(tx, ctx, id),
    record: async (tx, file, versionId, storageKey) => {
      const doc = await visibleDocument(tx, ctx, id, true);
      const number = doc.currentVersion + 1;
      const [version] = await tx
        .insert(documentVersions)
        .values(versionValues(ctx, file, { versionId, documentId: id, storageKey, number }))
        .returning();
      const [after] = await tx
        .update(documents)
        .set({ currentVersion: number, version: doc.version + 1 })
        .where(and(eq(documents.tenantId, ctx.tenantId), eq(documents.id, id)))
        .returning();
      if (!version || !after) throw new Error('document version insert returned nothing');
      await writeAudit(tx, ctx, {
        action: 'document.version_added',
        targetType: 'document',
        targetId: id,
        changes: fileAudit(file, number),
      });
      return documentDto(after, version);
    },
  });
