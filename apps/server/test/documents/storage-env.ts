import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { S3_TEST_KEYS, startS3Server } from '../helpers/s3-server.ts';

export type Driver = 'local' | 's3';

/**
 * The app's environment for a documents test file on one storage driver: a fresh DATA_DIR (uploads wait
 * in DATA_DIR/tmp/uploads; the local driver stores under DATA_DIR/documents) and, for `s3`, a real
 * S3-compatible server started for the file. Call before `setupApiTest(…)` so its hooks run first.
 */
export const storageEnv = (driver: Driver, extra: Record<string, string> = {}) => {
  const env: Record<string, string> = { ...extra };
  let closeS3: (() => Promise<void>) | undefined;
  let dataDir = '';
  let s3Dir = '';
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'tessera-docs-'));
    env.DATA_DIR = dataDir;
    env.STORAGE_DRIVER = driver;
    if (driver === 's3') {
      const s3 = await startS3Server('tessera-docs');
      closeS3 = s3.close;
      s3Dir = s3.directory;
      Object.assign(env, {
        S3_ENDPOINT: s3.endpoint,
        S3_BUCKET: 'tessera-docs',
        S3_FORCE_PATH_STYLE: 'true',
        S3_ACCESS_KEY_ID: S3_TEST_KEYS.accessKeyId,
        S3_SECRET_ACCESS_KEY: S3_TEST_KEYS.secretAccessKey,
        S3_PREFIX: 'tenants/',
      });
    }
  });
  afterAll(async () => {
    await closeS3?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });
  /** Every file under a directory, recursively (relative paths). */
  const filesUnder = async (dir: string): Promise<string[]> =>
    (await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []))
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  return {
    env,
    /** Files waiting in the upload directory (must be none after any request). */
    pendingUploads: () => filesUnder(join(dataDir, 'tmp', 'uploads')),
    /** Objects the driver stores (local files, or the S3 server's object files). */
    storedObjects: async () =>
      driver === 's3'
        ? (await filesUnder(s3Dir)).filter((f) => f.endsWith('._S3rver_object'))
        : filesUnder(join(dataDir, 'documents')),
  };
};
