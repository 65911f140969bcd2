import { ACCESS_COOKIE } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import type { Authentication } from './modules/identity/index.ts';
import { createRealtimeHub, type RealtimeHub, registerSocketAuth } from './platform/realtime/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** socket.io on this server (rooms tenant:<id> and user:<id>); the realtime consumer publishes to it. */
    realtime: RealtimeHub;
  }
}

/**
 * socket.io on the app's own HTTP server, authenticated by the identity module (cookie, Bearer token in
 * `auth.token`, or API key); open sockets are re-checked on every revocation the principal cache hears of.
 */
export const registerRealtime = async (
  app: FastifyInstance,
  deps: { config: Config; log: Logger; authentication: Authentication },
) => {
  const hub = await createRealtimeHub({ log: deps.log, redisUrl: deps.config.REDIS_URL, server: app.server });
  app.decorate('realtime', hub);
  registerSocketAuth({
    hub,
    log: deps.log,
    onRevocation: deps.authentication.onRevocation,
    authenticate: (headers, bearer) => {
      const cookies = app.parseCookie(headers.cookie ?? '');
      return deps.authentication.authenticate(
        headers,
        cookies[`__Host-${ACCESS_COOKIE}`] ?? cookies[ACCESS_COOKIE],
        bearer,
      );
    },
  });
  app.addHook('preClose', () => hub.close());
};
