import type { Readable } from 'node:stream';
import type { signedDownloadQuery } from '@tessera/contracts';
import { and, eq } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { jobContext } from '../../platform/context/service-context.ts';
import { withTenant } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { activeMemberRights } from '../identity/index.ts';
import { contentDisposition, servedAs } from './content-type.ts';
import { visibleDocument } from './documents.service.ts';
import type { DocumentsDeps } from './documents-deps.ts';
import { BlobNotFoundError } from './storage/index.ts';
import { documentVersions } from './tables.ts';

export interface Download {
  body: Readable;
  headers: Record<string, string>;
}

const refused = (why: 'invalid' | 'expired') =>
  new AppError(
    'FORBIDDEN',
    why === 'expired'
      ? 'This download link has expired; open the file again to get a new one'
      : 'This download link is not valid',
  );

/**
 * `GET /files/{versionId}?t&m&e&s`: a signed link, no cookie. The signature must match (any change to the
 * tenant, version, member or expiry breaks it) and the link must not have expired; then the member named in
 * the link must still be active and still see the document's record (permission + record scope now, not
 * when the link was made). The bytes stream from the storage driver with headers that keep a browser from
 * running them.
 */
export const openSignedDownload = async (
  deps: Pick<DocumentsDeps, 'database' | 'store' | 'signer' | 'now'>,
  log: Logger,
  { versionId, query }: { versionId: string; query: z.output<typeof signedDownloadQuery> },
): Promise<Download> => {
  const claims = { tenantId: query.t, versionId, userId: query.m, expires: query.e };
  const verdict = deps.signer.verify(claims, query.s, Math.floor((deps.now?.() ?? Date.now()) / 1000));
  if (verdict !== 'ok') throw refused(verdict);

  const version = await withTenant(
    deps.database,
    claims.tenantId,
    async (tx) => {
      const rights = await activeMemberRights(tx, claims.tenantId, claims.userId);
      if (!rights?.permissions.has('documents.view')) throw refused('invalid');
      const ctx = jobContext({
        database: deps.database,
        log,
        tenantId: claims.tenantId,
        userId: claims.userId,
        permissions: rights.permissions,
        scopes: rights.scopes,
      });
      const [row] = await tx
        .select()
        .from(documentVersions)
        .where(and(eq(documentVersions.tenantId, claims.tenantId), eq(documentVersions.id, versionId)));
      if (!row) throw notFound('File');
      await visibleDocument(tx, ctx, row.documentId).catch((err: unknown) => {
        throw err instanceof AppError && err.code === 'NOT_FOUND' ? notFound('File') : err;
      });
      return row;
    },
    claims.userId,
  );

  const body = await deps.store.get(version.storageKey).catch((err: unknown) => {
    if (err instanceof BlobNotFoundError) {
      log.error({ storageKey: version.storageKey }, 'a document version has no stored object');
      throw notFound('File');
    }
    throw err;
  });
  const served = servedAs(version.contentType, query.inline === '1');
  return {
    body,
    headers: {
      'content-type': served.contentType,
      'content-length': String(version.sizeBytes),
      'content-disposition': contentDisposition(served.disposition, version.fileName),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; media-src 'self'; img-src 'self'; sandbox",
      'cache-control': 'private, no-store',
      'cross-origin-resource-policy': 'same-origin',
      etag: `"${version.sha256}"`,
    },
  };
};
