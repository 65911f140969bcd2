import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertKey, BlobNotFoundError, type BlobStore } from './blob-store.ts';

/**
 * Files under `root` (DATA_DIR/documents by default), one file per key. A write goes to a temporary name
 * first and is renamed into place once complete, so a reader never sees half a file.
 */
export const localBlobStore = (root: string): BlobStore => {
  const pathOf = (key: string) => {
    assertKey(key);
    return join(root, ...key.split('/'));
  };
  return {
    driver: 'local',
    async put(key, body, size) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const partial = `${path}.partial`;
      let written = 0;
      try {
        await pipeline(
          body,
          async function* (source: AsyncIterable<Buffer>) {
            for await (const chunk of source) {
              written += chunk.length;
              yield chunk;
            }
          },
          createWriteStream(partial, { flags: 'wx' }),
        );
        if (written !== size) throw new Error(`expected ${size} bytes, got ${written}`);
        await rename(partial, path);
      } catch (err) {
        await rm(partial, { force: true });
        throw err;
      }
    },
    get(key) {
      const path = pathOf(key);
      return new Promise<Readable>((resolve, reject) => {
        const stream = createReadStream(path);
        stream.once('open', () => resolve(stream));
        stream.once('error', (err: NodeJS.ErrnoException) =>
          reject(err.code === 'ENOENT' ? new BlobNotFoundError(key) : err),
        );
      });
    },
    async remove(key) {
      await rm(pathOf(key), { force: true });
    },
  };
};
