import { idParams, sessionSchema } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { endOtherSessions, endSession, listSessions } from './sessions.service.ts';

const tags = ['auth'];

/** Your signed-in devices and API token sessions: list, end one, end all others. */
export const sessionRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/auth/sessions',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Your active sessions', response: replies(z.array(sessionSchema)) },
    },
    async (req) => ok(await listSessions(authedContext(req, deps.database))),
  );

  r.delete(
    '/api/v1/auth/sessions/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'End one of your sessions',
        params: idParams,
        response: replies(z.object({ revoked: z.number().int() })),
      },
    },
    async (req) => ok(await endSession(deps, authedContext(req, deps.database), req.params.id)),
  );

  r.post(
    '/api/v1/auth/sessions/revoke-all',
    {
      config: { access: 'authenticated', idempotency: false },
      schema: {
        tags,
        summary: 'End all your other sessions',
        response: replies(z.object({ revoked: z.number().int() })),
      },
    },
    async (req) => ok(await endOtherSessions(deps, authedContext(req, deps.database))),
  );
};
