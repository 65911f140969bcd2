import { join } from 'node:path';
import type { Config } from '../../../config/index.ts';
import type { BlobStore } from './blob-store.ts';
import { localBlobStore } from './local-store.ts';
import { s3BlobStore } from './s3-store.ts';

export { BlobNotFoundError, type BlobStore } from './blob-store.ts';
export { localBlobStore } from './local-store.ts';
export { type S3StoreOptions, s3BlobStore } from './s3-store.ts';

/** The storage driver the configuration names (`STORAGE_DRIVER`): local disk under DATA_DIR, or S3. */
export const blobStoreFromConfig = (config: Config): BlobStore =>
  config.STORAGE_DRIVER === 's3'
    ? s3BlobStore({
        bucket: config.S3_BUCKET ?? '',
        region: config.S3_REGION,
        ...(config.S3_ENDPOINT ? { endpoint: config.S3_ENDPOINT } : {}),
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
        ...(config.S3_ACCESS_KEY_ID ? { accessKeyId: config.S3_ACCESS_KEY_ID } : {}),
        ...(config.S3_SECRET_ACCESS_KEY ? { secretAccessKey: config.S3_SECRET_ACCESS_KEY } : {}),
        prefix: config.S3_PREFIX,
      })
    : localBlobStore(join(config.dataDir, 'documents'));
