import { randomUUID } from 'node:crypto';
import { REQUEST_ID_HEADER } from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import '../access/principal.ts';
import { AppError } from './app-error.ts';

const VALID_ID = /^[\w.:-]{1,128}$/;

/** Uses the caller's `X-Request-Id` when it is a sane token, else a new UUID. */
export const genReqId = (req: { headers: Record<string, string | string[] | undefined> }): string => {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && VALID_ID.test(given) ? given : randomUUID();
};

const routeOf = (req: FastifyRequest) => req.routeOptions.url ?? 'not-found';

/**
 * Echoes the request id and writes exactly one log line per request. While the server is closing, responses
 * carry `Connection: close`, so keep-alive connections end with their last request and shutdown is not held up.
 */
/**
 * `requestLogLevel`: the level of the one line per request — `info` in production, `debug` elsewhere (a
 * developer's console shows start-up and problems, not every request; `LOG_LEVEL=debug` brings them back).
 * 5xx are always errors.
 */
export const registerRequestContext = (
  app: FastifyInstance,
  { requestLogLevel = 'info' }: { requestLogLevel?: 'info' | 'debug' } = {},
) => {
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.decorateRequest('arrivedAt', 0);
  app.addHook('onRequest', async (req, reply) => {
    req.arrivedAt = performance.now();
    reply.header(REQUEST_ID_HEADER, req.id);
    if (closing) {
      throw new AppError('SERVICE_UNAVAILABLE', 'The server is restarting. Please retry in a moment.', {
        headers: { 'retry-after': '1', connection: 'close' },
      });
    }
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    if (closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onResponse', async (req, reply) => {
    const status = reply.statusCode;
    const line = {
      method: req.method,
      route: routeOf(req),
      url: req.url.split('?')[0],
      status,
      ms: Math.round(reply.elapsedTime * 10) / 10,
      tenantId: req.auth?.tenantId,
      userId: req.auth?.userId ?? undefined,
      apiKeyId: req.auth?.apiKeyId,
    };
    if (status >= 500) req.log.error(line, 'request');
    else req.log[requestLogLevel](line, 'request');
  });
};
