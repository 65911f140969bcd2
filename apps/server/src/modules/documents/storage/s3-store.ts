import { Readable } from 'node:stream';
import { lazy } from '../../../platform/lazy.ts';
import { assertKey, BlobNotFoundError, type BlobStore } from './blob-store.ts';

export interface S3StoreOptions {
  bucket: string;
  region: string;
  /** An S3-compatible server (MinIO, Ceph, Garage…); absent for AWS itself. */
  endpoint?: string;
  forcePathStyle: boolean;
  /** Without keys the SDK's default credential chain applies (environment, instance role…). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Prepended to every key (`tessera/`), so one bucket can hold other things too. */
  prefix: string;
}

/**
 * Any S3-compatible store through the official AWS SDK v3. Uploads stream with their length known
 * (PutObject with Content-Length, up to 5 GB); downloads stream the response body. Checksums are only
 * sent where an operation requires them, which every S3-compatible server understands.
 */
export const s3BlobStore = (options: S3StoreOptions): BlobStore => {
  // The SDK is loaded with the first operation, not at start-up (and never without S3 configured).
  const sdk = lazy(() => import('@aws-sdk/client-s3'));
  const connect = lazy(async () => {
    const { S3Client } = await sdk();
    return new S3Client({
      region: options.region,
      ...(options.endpoint ? { endpoint: options.endpoint } : {}),
      forcePathStyle: options.forcePathStyle,
      ...(options.accessKeyId && options.secretAccessKey
        ? { credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey } }
        : {}),
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  });
  const Bucket = options.bucket;
  const keyOf = (key: string) => {
    assertKey(key);
    return `${options.prefix}${key}`;
  };
  return {
    driver: 's3',
    async put(key, body, size, contentType) {
      const [client, { DeleteObjectCommand, PutObjectCommand }] = await Promise.all([connect(), sdk()]);
      // A body that ends before (or runs past) `size` aborts the request instead of leaving it waiting.
      const abort = new AbortController();
      const counted = Readable.from(
        (async function* () {
          let seen = 0;
          for await (const chunk of body as AsyncIterable<Buffer>) {
            seen += chunk.length;
            if (seen > size) throw new Error(`expected ${size} bytes, got more`);
            yield chunk;
          }
          if (seen !== size) throw new Error(`expected ${size} bytes, got ${seen}`);
        })(),
        { objectMode: false },
      );
      let failure: unknown;
      counted.once('error', (err) => {
        failure = err;
        abort.abort(err);
      });
      try {
        await client.send(
          new PutObjectCommand({
            Bucket,
            Key: keyOf(key),
            Body: counted,
            ContentLength: size,
            ContentType: contentType,
          }),
          { abortSignal: abort.signal },
        );
      } catch (err) {
        // S3 keeps nothing of a failed PutObject; lenient servers might, so remove what may be there.
        await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) })).catch(() => undefined);
        throw failure ?? err;
      }
    },
    async get(key) {
      const [client, { GetObjectCommand, NoSuchKey, S3ServiceException }] = await Promise.all([
        connect(),
        sdk(),
      ]);
      try {
        const res = await client.send(new GetObjectCommand({ Bucket, Key: keyOf(key) }));
        if (!res.Body) throw new BlobNotFoundError(key);
        return res.Body as Readable;
      } catch (err) {
        if (err instanceof NoSuchKey) throw new BlobNotFoundError(key);
        if (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404)
          throw new BlobNotFoundError(key);
        throw err;
      }
    },
    async remove(key) {
      const [client, { DeleteObjectCommand }] = await Promise.all([connect(), sdk()]);
      await client.send(new DeleteObjectCommand({ Bucket, Key: keyOf(key) }));
    },
  };
};
