import type { IncomingMessage, ServerResponse } from 'node:http';
import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { Redis } from 'ioredis';
import type { Config } from '../../config/index.ts';
import { AppError } from './app-error.ts';

/**
 * Helmet's response headers for `options`, computed once: they are the same for every response (no CSP nonces),
 * where `@fastify/helmet` built a new Helmet and parsed the CSP directives on every request (seen in the CPU
 * profile of the list load, issue #9).
 */
export const securityHeaders = (options: HelmetOptions): Record<string, string> => {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => {});
  return headers;
};

/**
 * Helmet (CSP the web app and API docs work under, nosniff), CORS allowlist and a global rate limit. With
 * `redis` (REDIS_URL) every rate-limit counter, the global one and the per-route auth limits, lives in Redis and
 * is shared by all instances (ADR 0011); without it each process counts in memory.
 */
export const registerSecurity = async (app: FastifyInstance, config: Config, redis?: Redis) => {
  const headers = securityHeaders({
    contentSecurityPolicy: {
      useDefaults: true,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:', 'blob:'],
        'connect-src': ["'self'", 'ws:', 'wss:'],
        'font-src': ["'self'", 'data:'],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'upgrade-insecure-requests': null,
      },
    },
    // Same-origin app: cross-origin isolation headers would only break embedding of downloads.
    crossOriginEmbedderPolicy: false,
    hsts: config.NODE_ENV === 'production',
  });
  app.addHook('onRequest', (_req, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(cors, {
    origin: config.CORS_ORIGINS.length > 0 ? config.CORS_ORIGINS : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'retry-after', 'idempotent-replayed'],
  });
  // The built web app's files (the static plugin's wildcard route) are not counted: a page load fetches tens of
  // hashed, cacheable chunks, and many people behind one address (an office) would be refused the app itself —
  // a refused chunk breaks the page. Unknown URLs still count (the not-found handler). Must run before the rate
  // limit's own `onRoute` hook, which reads `config.rateLimit`.
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (route.url === '/*' && methods.every((m) => m === 'GET' || m === 'HEAD'))
      route.config = { ...(route.config ?? {}), rateLimit: false };
  });
  await app.register(rateLimit, {
    global: true,
    max: config.RATE_LIMIT_MAX,
    timeWindow: config.RATE_LIMIT_WINDOW_MS,
    ...(redis ? { redis, nameSpace: 'tessera-rl:', skipOnError: false } : {}),
    errorResponseBuilder: (_req, ctx) =>
      new AppError('RATE_LIMITED', `Too many requests. Try again in ${Math.ceil(ctx.ttl / 1000)} s.`, {
        headers: { 'retry-after': String(Math.ceil(ctx.ttl / 1000)) },
      }),
  });
};
