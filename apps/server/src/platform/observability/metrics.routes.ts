import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/app-error.ts';
import type { Metrics } from './metrics.ts';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when `header` is `Bearer <token>` (constant-time comparison). */
export const bearerMatches = (header: string | undefined, token: string): boolean => {
  const given = /^Bearer (.+)$/i.exec(header ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
};

/** Records every response: count and latency by method, route template (never the raw URL) and status. */
export const registerHttpMetrics = (app: FastifyInstance, metrics: Metrics) => {
  app.addHook('onResponse', async (req: FastifyRequest, reply) => {
    const labels = {
      method: req.method,
      route: req.routeOptions.url ?? 'not-found',
      status_code: String(reply.statusCode),
    };
    metrics.httpRequests.inc(labels);
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
  });
};

/**
 * `GET /metrics` on the API port: only with METRICS_TOKEN (Bearer), otherwise a 404 like any unknown path, so
 * the numbers are never public by accident.
 */
export const metricsRoutes = async (app: FastifyInstance, opts: { metrics: Metrics; token?: string }) => {
  app.get('/metrics', { config: { rateLimit: false }, schema: { hide: true } }, async (req, reply) => {
    if (!opts.token) throw new AppError('NOT_FOUND', 'Not found');
    if (!bearerMatches(req.headers.authorization, opts.token))
      throw new AppError('UNAUTHENTICATED', 'A valid metrics token is required', {
        headers: { 'www-authenticate': 'Bearer' },
      });
    return reply.type(opts.metrics.registry.contentType).send(await opts.metrics.registry.metrics());
  });
};

/**
 * Serves `/metrics` on its own port (METRICS_PORT) for a scraper on a private network; asks for the token too
 * when one is configured. Used by the server and by `npm run worker`. Resolves once listening.
 */
export const serveMetrics = async (opts: {
  metrics: Metrics;
  host: string;
  port: number;
  token?: string;
}): Promise<Server> => {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
      return;
    }
    if (opts.token && !bearerMatches(req.headers.authorization, opts.token)) {
      res
        .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' })
        .end('Unauthorized\n');
      return;
    }
    opts.metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': opts.metrics.registry.contentType }).end(body),
      () => res.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  return server;
};
