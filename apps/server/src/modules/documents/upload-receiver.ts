import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { newId } from '../../platform/db/columns.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { detectContentType, SNIFF_BYTES } from './content-type.ts';

/** A received upload, held in a temporary file until it is stored. */
export interface ReceivedFile {
  tmpPath: string;
  fileName: string;
  /** The `name` form field, when sent (the document's display name). */
  name: string | null;
  size: number;
  sha256: string;
  contentType: string;
}

/** Room for the multipart framing and the small fields around the file. */
const ENVELOPE_BYTES = 64 * 1024;

const invalid = (message: string, path = 'file') =>
  new AppError('VALIDATION_ERROR', message, { details: [{ path, message }] });
export const tooLarge = (max: number) =>
  new AppError(
    'PAYLOAD_TOO_LARGE',
    `The file is larger than ${Math.round((max / 1024 / 1024) * 10) / 10} MB`,
  );

/** A file name as stored and offered on download: no path, no control characters, at most 255 characters. */
export const cleanFileName = (raw: string | undefined, path = 'file') => {
  if (raw?.includes('\u0000')) throw invalid('The file name contains a NUL character', path);
  const last = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const base = [...last]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return base.slice(0, 255) || 'file';
};

/** Multipart problems as the API's 400 / 413. */
const multipartError = (err: unknown, max: number): unknown => {
  if (err instanceof AppError) return err;
  const e = err as { code?: string; statusCode?: number; message?: string };
  if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(max);
  if (typeof e.code === 'string' && e.code.startsWith('FST_'))
    return invalid(`The multipart body is not valid: ${e.message ?? e.code}`, 'body');
  return err;
};

/** Streams one part to `tmpPath` while hashing it and keeping its first bytes for type detection. */
const spool = async (file: Readable, tmpPath: string) => {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headBytes = 0;
  let size = 0;
  await pipeline(
    file,
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        size += chunk.length;
        if (headBytes < SNIFF_BYTES) {
          head.push(chunk.subarray(0, SNIFF_BYTES - headBytes));
          headBytes += Math.min(chunk.length, SNIFF_BYTES - headBytes);
        }
        yield chunk;
      }
    },
    createWriteStream(tmpPath, { flags: 'wx' }),
  );
  return { size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
};

/**
 * Reads a multipart upload (field `file`, optional field `name`) into a temporary file under `tmpDir`: never
 * more than one chunk in memory, at most `maxBytes` (413 beyond), the type detected from the first bytes
 * (executables → 415). The caller stores the file and must call `discard` in every case.
 */
export const receiveUpload = async (
  req: FastifyRequest,
  { tmpDir, maxBytes }: { tmpDir: string; maxBytes: number },
): Promise<ReceivedFile> => {
  if (!req.isMultipart()) throw invalid('Send the file as multipart/form-data in the field "file"', 'body');
  const length = Number(req.headers['content-length']);
  if (Number.isFinite(length) && length > maxBytes + ENVELOPE_BYTES) throw tooLarge(maxBytes);
  await mkdir(tmpDir, { recursive: true });
  const tmpPath = join(tmpDir, `${newId()}.upload`);
  let received: Omit<ReceivedFile, 'name'> | undefined;
  let name: string | null = null;
  try {
    for await (const part of req.parts({
      limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 4096 },
    })) {
      if (part.type === 'field') {
        if (part.fieldname === 'name' && typeof part.value === 'string' && part.value.trim() !== '')
          name = cleanFileName(part.value, 'name');
        continue;
      }
      if (part.fieldname !== 'file' || received) {
        part.file.resume();
        continue;
      }
      const fileName = cleanFileName(part.filename);
      const { size, sha256, head } = await spool(part.file, tmpPath);
      if (part.file.truncated) throw tooLarge(maxBytes);
      if (size === 0) throw invalid('The file is empty');
      const detected = await detectContentType(head, size <= head.length);
      if (detected.refused)
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', 'Programs and scripts cannot be uploaded', {
          details: [{ path: 'file', message: `Detected ${detected.contentType}` }],
        });
      received = { tmpPath, fileName, size, sha256, contentType: detected.contentType };
    }
    if (!received) throw invalid('No file: send it in the multipart field "file"');
    return { ...received, name };
  } catch (err) {
    await discard(tmpPath);
    throw multipartError(err, maxBytes);
  }
};

export const discard = (tmpPath: string) => rm(tmpPath, { force: true });
