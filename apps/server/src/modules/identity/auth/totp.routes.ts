import { totpDisableInput, totpEnableInput, totpSetupSchema, userSchema } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { disableTotp, enableTotp, startTotpSetup } from './totp.service.ts';

const tags = ['auth'];

/** TOTP two-factor: set up (secret + otpauth URI), enable with a code, disable with code + password. */
export const totpRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = {
    rateLimit: { max: deps.auth.authRateLimitPerMinute, timeWindow: 60_000 },
    idempotency: false,
  };

  r.post(
    '/api/v1/auth/totp/setup',
    {
      config: { access: 'authenticated', ...limited },
      schema: { tags, summary: 'Start two-factor set-up', response: replies(totpSetupSchema) },
    },
    async (req) => ok(await startTotpSetup(deps, authedContext(req, deps.database))),
  );

  r.post(
    '/api/v1/auth/totp/enable',
    {
      config: { access: 'authenticated', ...limited },
      schema: {
        tags,
        summary: 'Turn on two-factor sign-in with a code',
        body: totpEnableInput,
        response: replies(userSchema),
      },
    },
    async (req) => ok(await enableTotp(deps, authedContext(req, deps.database), req.body)),
  );

  r.post(
    '/api/v1/auth/totp/disable',
    {
      config: { access: 'authenticated', ...limited },
      schema: {
        tags,
        summary: 'Turn off two-factor sign-in (code and password)',
        body: totpDisableInput,
        response: replies(userSchema),
      },
    },
    async (req) => ok(await disableTotp(deps, authedContext(req, deps.database), req.body)),
  );
};
