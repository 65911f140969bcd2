import { passwordChangeInput, passwordForgotInput, passwordResetInput } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext, serviceContext } from '../../../platform/context/service-context.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { changePassword, requestPasswordReset, resetPassword } from './password.service.ts';

const tags = ['auth'];
const done = z.object({ done: z.literal(true) });

export const passwordRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = {
    rateLimit: { max: deps.auth.authRateLimitPerMinute, timeWindow: 60_000 },
    idempotency: false,
  };

  r.post(
    '/api/v1/auth/password/forgot',
    {
      config: { access: 'public', ...limited },
      schema: {
        tags,
        summary: 'E-mail a password reset link (always answers 202)',
        body: passwordForgotInput,
        response: replies(done, 202),
      },
    },
    async (req, reply) => {
      await requestPasswordReset(deps, serviceContext(req, deps.database), req.body.email);
      return reply.code(202).send(ok({ done: true as const }));
    },
  );

  r.post(
    '/api/v1/auth/password/reset',
    {
      config: { access: 'public', ...limited },
      schema: {
        tags,
        summary: 'Choose a new password with a reset link',
        body: passwordResetInput,
        response: replies(done),
      },
    },
    async (req) => {
      await resetPassword(deps, serviceContext(req, deps.database), req.body);
      return ok({ done: true as const });
    },
  );

  r.patch(
    '/api/v1/auth/password',
    {
      config: { access: 'authenticated', ...limited },
      schema: { tags, summary: 'Change your password', body: passwordChangeInput, response: replies(done) },
    },
    async (req) => {
      await changePassword(deps, authedContext(req, deps.database), req.body);
      return ok({ done: true as const });
    },
  );
};
