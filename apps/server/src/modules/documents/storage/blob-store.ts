import type { Readable } from 'node:stream';

/**
 * Where the bytes of document versions live, behind one interface: local disk (default) or any
 * S3-compatible store. Bodies are streams both ways, so a large file is never held in memory whole.
 * Keys are opaque `[a-z0-9/-]` paths chosen by the documents service.
 */
export interface BlobStore {
  readonly driver: 'local' | 's3';
  /** Stores `size` bytes from `body` under `key` (replacing nothing: keys are never reused). */
  put(key: string, body: Readable, size: number, contentType: string): Promise<void>;
  /** The stored bytes as a stream; `BlobNotFoundError` when nothing is stored under `key`. */
  get(key: string): Promise<Readable>;
  /** Removes the object (no error when it is already gone). */
  remove(key: string): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(key: string) {
    super(`no stored object ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

/** Keys are made by the service; anything else (`..`, absolute paths, odd characters) is a programming error. */
export const assertKey = (key: string) => {
  if (!/^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*$/.test(key) || key.length > 300)
    throw new Error(`bad storage key ${key}`);
};
