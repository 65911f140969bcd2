import {
  authSessionSchema,
  idParams,
  invitationAcceptInput,
  invitationCreateInput,
  invitationLookupSchema,
  invitationSchema,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { clientMeta, sessionResponse } from '../auth/respond.ts';
import { startSession } from '../auth/session-tokens.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { acceptInvitation, lookupInvitation } from './accept-invitation.service.ts';
import { createInvitation, listInvitations, revokeInvitation } from './invitations.service.ts';

const tags = ['members'];
const tokenQuery = z.strictObject({ token: z.string().min(10).max(200) });

export const invitationRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: Parameters<typeof authedContext>[0]) => authedContext(req, deps.database);
  const limited = {
    rateLimit: { max: deps.auth.authRateLimitPerMinute, timeWindow: 60_000 },
    idempotency: false,
  };

  r.get(
    '/api/v1/invitations',
    {
      config: { access: 'members.view' },
      schema: {
        tags,
        summary: 'Invitations of the last 90 days',
        response: replies(z.array(invitationSchema)),
      },
    },
    async (req) => ok(await listInvitations(ctx(req))),
  );
  r.post(
    '/api/v1/invitations',
    {
      config: { access: 'members.manage' },
      schema: {
        tags,
        summary: 'Invite someone by e-mail with a role',
        body: invitationCreateInput,
        response: replies(invitationSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await createInvitation(deps, ctx(req), req.body))),
  );
  r.delete(
    '/api/v1/invitations/:id',
    {
      config: { access: 'members.manage' },
      schema: {
        tags,
        summary: 'Revoke a pending invitation',
        params: idParams,
        response: replies(z.object({ revoked: z.literal(true) })),
      },
    },
    async (req) => {
      await revokeInvitation(ctx(req), req.params.id);
      return ok({ revoked: true as const });
    },
  );
  r.get(
    '/api/v1/invitations/lookup',
    {
      config: { access: 'public', ...limited },
      schema: {
        tags,
        summary: 'What an invitation link is for',
        querystring: tokenQuery,
        response: replies(invitationLookupSchema),
      },
    },
    async (req) => ok(await lookupInvitation(deps, req.query.token)),
  );
  r.post(
    '/api/v1/invitations/accept',
    {
      config: { access: 'public', ...limited },
      schema: {
        tags,
        summary: 'Accept an invitation (signs you in to that company)',
        body: invitationAcceptInput,
        response: replies(authSessionSchema),
      },
    },
    async (req, reply) => {
      const meta = clientMeta(req);
      const { userId, tenantId } = await acceptInvitation(deps, { input: req.body, caller: req.auth, meta });
      const tokens = await startSession(deps, { userId, tenantId, kind: 'browser', ...meta });
      return ok(await sessionResponse(deps, req, reply, tokens));
    },
  );
};
