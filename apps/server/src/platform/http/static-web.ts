import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendNotFound } from './error-handler.ts';

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');
/**
 * `/leads/42` is a client route; `/missing.js` is a missing file. Only a short extension counts: a signed link's
 * `<payload>.<signature>` (22 characters after the dot, e.g. the quote link `/q/…`) is a client route.
 */
const looksLikeFile = (path: string) => /\.[a-z0-9]{1,12}$/i.test(path);

/**
 * Serves the built web app: the `.br` / `.gz` files the build wrote next to each asset when the browser
 * accepts them (`preCompressed`, with `Vary: Accept-Encoding` and the original file's type), hashed files under
 * `assets/` cached for a year (immutable), the rest revalidated. Unknown non-API GETs of a path that is not a file name get `index.html` (client-side routes such as
 * `/leads`); everything else unknown is a 404 envelope.
 */
export const registerStaticWeb = async (app: FastifyInstance, webDistDir: string) => {
  const hasWeb = existsSync(join(webDistDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      wildcard: true,
      preCompressed: true,
      setHeaders: (res, path) => {
        const hashed = path.includes(`${join(webDistDir, 'assets')}`);
        res.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  // Unknown URLs count against the rate limit too (probing for routes is not free).
  app.setNotFoundHandler({ preHandler: app.rateLimit() }, async (req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    const wantsPage = (req.method === 'GET' || req.method === 'HEAD') && !isApi(path) && !looksLikeFile(path);
    if (!wantsPage) return sendNotFound(req, reply);
    if (!hasWeb) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm run build` (or `npm start`, which builds it).');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
};
