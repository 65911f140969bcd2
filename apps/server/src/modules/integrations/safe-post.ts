import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkTargetUrl, resolvePublic, urlHost } from './ssrf-guard.ts';

export const RESPONSE_BODY_CAP = 2048;

export interface PostResult {
  status: number | null;
  body: string | null;
  error: string | null;
  durationMs: number;
}

export interface PostOptions {
  allowPrivate: boolean;
  connectTimeoutMs?: number;
  totalTimeoutMs?: number;
}

/**
 * POSTs a JSON body with SSRF protection: the host is resolved here (every attempt) and checked, and the socket
 * connects to that very address through a `lookup` that only returns it (no second DNS query, so a rebinding
 * answer cannot switch the target); TLS still verifies the host name (SNI). No redirects are followed (a 3xx is
 * the answer), connect and total time-outs apply, and at most 2 KB of the response is read.
 */
export const safePost = async (
  rawUrl: string,
  body: string,
  headers: Record<string, string>,
  options: PostOptions,
): Promise<PostResult> => {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const fail = (error: string): PostResult => ({ status: null, body: null, error, durationMs: elapsed() });
  let url: URL;
  let target: { address: string; family: 4 | 6 };
  try {
    url = checkTargetUrl(rawUrl, options.allowPrivate);
    target = await resolvePublic(urlHost(url), options.allowPrivate);
  } catch (err) {
    return fail(`refused: ${(err as Error).message}`);
  }
  const pinned: LookupFunction = (_host, opts, callback) => {
    if ((opts as { all?: boolean }).all) callback(null, [target]);
    else callback(null, target.address, target.family);
  };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    const done = (r: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(total);
      resolve(r);
    };
    const req = transport.request(
      url,
      {
        method: 'POST',
        agent: false,
        lookup: pinned,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'Tessera-Webhooks/1',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const finish = () =>
          done({
            status: res.statusCode ?? null,
            body: Buffer.concat(chunks).subarray(0, RESPONSE_BODY_CAP).toString('utf8'),
            error: null,
            durationMs: elapsed(),
          });
        res.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= RESPONSE_BODY_CAP) {
            finish();
            res.destroy();
          }
        });
        res.on('end', finish);
        res.on('error', finish);
      },
    );
    const total = setTimeout(() => {
      req.destroy();
      done(fail('timed out'));
    }, options.totalTimeoutMs ?? 15_000);
    req.setTimeout(options.connectTimeoutMs ?? 5_000, () => {
      req.destroy();
      done(fail('connect timed out'));
    });
    req.on('error', (err) => done(fail(err.message.slice(0, 500))));
    req.end(body);
  });
};
