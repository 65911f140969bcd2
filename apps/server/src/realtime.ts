import { ACCESS_COOKIE } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import { type Authenticator, PRINCIPALS_CHANNEL } from './modules/identity/index.ts';
import type { Database, NotifyListener } from './platform/db/index.ts';
import { createRealtimeHub, type RealtimeHub, registerSocketAuth } from './platform/realtime/index.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** socket.io on this server (rooms tenant:<id> and user:<id>); the realtime consumer publishes to it. */
    realtime: RealtimeHub;
  }
}

/**
 * socket.io on the app's own HTTP server, authenticated by the identity module (cookie, Bearer token in
 * `auth.token`, or API key), sockets re-checked on every revocation (`tessera_principals`).
 */
export const registerRealtime = (
  app: FastifyInstance,
  deps: { config: Config; database: Database; log: Logger; authenticate: Authenticator },
) => {
  const hub = createRealtimeHub({ log: deps.log, redisUrl: deps.config.REDIS_URL, server: app.server });
  app.decorate('realtime', hub);
  let revocations: NotifyListener | undefined;
  app.addHook('onReady', async () => {
    revocations = await registerSocketAuth({
      hub,
      database: deps.database,
      log: deps.log,
      revocations: PRINCIPALS_CHANNEL,
      authenticate: (headers, bearer) => {
        const cookies = app.parseCookie(headers.cookie ?? '');
        return deps.authenticate(
          headers,
          cookies[`__Host-${ACCESS_COOKIE}`] ?? cookies[ACCESS_COOKIE],
          bearer,
        );
      },
    });
  });
  app.addHook('preClose', async () => {
    await revocations?.close();
    await hub.close();
  });
};
