import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config/index.ts';
import type { Database } from '../../platform/db/index.ts';
import { documentRoutes } from './documents.routes.ts';
import type { DocumentsDeps } from './documents-deps.ts';
import { linkSigner } from './signed-links.ts';
import { blobStoreFromConfig } from './storage/index.ts';

export type { DocumentsDeps } from './documents-deps.ts';
export { BlobNotFoundError, type BlobStore, localBlobStore, s3BlobStore } from './storage/index.ts';

/**
 * The documents module's dependencies from the configuration: the storage driver (STORAGE_DRIVER), the
 * link signer (a key derived from the server secret), the size limit and the link lifetime. Record types
 * register themselves with the record kit (`registerAttachableType`); this module names none.
 */
export const documentsDeps = (config: Config, secret: string, database: Database): DocumentsDeps => ({
  database,
  store: blobStoreFromConfig(config),
  signer: linkSigner(secret),
  maxBytes: config.DOCUMENTS_MAX_BYTES,
  linkTtlSeconds: config.DOCUMENT_LINK_TTL_SECONDS,
  tmpDir: join(config.dataDir, 'tmp', 'uploads'),
});

/** The documents module's HTTP API. */
export const documentsModuleRoutes = async (app: FastifyInstance, deps: DocumentsDeps) => {
  await app.register(documentRoutes, deps);
};
