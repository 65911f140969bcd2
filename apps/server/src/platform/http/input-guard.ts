import type { FastifyInstance } from 'fastify';
import { AppError } from './app-error.ts';

/** PostgreSQL refuses U+0000 in text and jsonb; no field of ours has a use for it. */
const NUL = '\u0000';
const MAX_DEPTH = 64;

/** The path of the first string (or object key) in `value` that holds a NUL character, else undefined. */
export const findNul = (value: unknown, path: string, depth = 0): string | undefined => {
  if (typeof value === 'string') return value.includes(NUL) ? path : undefined;
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return undefined;
  if (Buffer.isBuffer(value)) return undefined;
  for (const [key, child] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}.${key}` : `${path}.${key.replaceAll(NUL, '\\u0000')}`;
    if (key.includes(NUL)) return at;
    const found = findNul(child, at, depth + 1);
    if (found) return found;
  }
  return undefined;
};

/** The 400 that names the field holding a NUL character. */
export const nulRefused = (path: string) =>
  new AppError('VALIDATION_ERROR', 'The request is not valid', {
    details: [{ path, message: 'Must not contain the NUL character (\\u0000)', code: 'nul_character' }],
  });

/** Throws the 400 when `value` (a string, or any object or array of them) holds a NUL character. */
export const refuseNul = (value: unknown, path: string) => {
  const found = findNul(value, path);
  if (found) throw nulRefused(found);
};

/**
 * One guard for every route of the API. A request body with a `Content-Encoding` (gzip, br …) is refused
 * with 415. A NUL character in any header, path parameter, query parameter or
 * body field (JSON, text/CSV, form fields) is refused with 400 naming the field, before authentication or a
 * handler can hand it to PostgreSQL. Headers, path and query are checked first (authentication reads
 * headers); the body once it is parsed. File parts of a multipart upload are checked where they are read
 * (CSV cells: the import's row errors).
 */
export const registerInputGuard = (app: FastifyInstance) => {
  app.addHook('onRequest', async (req) => {
    // Compressed request bodies are not accepted (no decompression bombs, one body size limit that means it).
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && String(encoding).trim().toLowerCase() !== 'identity') {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        'Compressed request bodies are not accepted; send the body without Content-Encoding',
      );
    }
    // The raw URL: a %00 anywhere in the path or query string, also in parameters no schema declares.
    let url: string;
    try {
      url = decodeURIComponent(req.url);
    } catch {
      url = req.url;
    }
    if (url.includes(NUL)) {
      refuseNul(req.params, 'params');
      refuseNul(req.query, 'query');
      throw nulRefused(url.split('?')[0]?.includes(NUL) ? 'params' : 'query');
    }
    refuseNul(req.headers, 'headers');
  });
  app.addHook('preValidation', async (req) => {
    refuseNul(req.body, 'body');
  });
};
