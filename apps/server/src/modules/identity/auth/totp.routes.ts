import {
  recoveryCodesInput,
  recoveryCodesSchema,
  recoveryCodesStatusSchema,
  totpDisableInput,
  totpEnabledSchema,
  totpEnableInput,
  totpSetupSchema,
  userSchema,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import {
  disableTotp,
  enableTotp,
  recoveryCodesStatus,
  regenerateRecoveryCodes,
  startTotpSetup,
} from './totp.service.ts';

const tags = ['auth'];

/**
 * TOTP two-factor: set up (secret + otpauth URI), enable with a code, disable with code + password, recovery
 * codes (how many are left; a new set with the password).
 */
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
        summary: 'Turn on two-factor sign-in with a code (answers the recovery codes, this once)',
        body: totpEnableInput,
        response: replies(totpEnabledSchema),
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

  r.get(
    '/api/v1/auth/totp/recovery-codes',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'How many unused recovery codes are left',
        response: replies(recoveryCodesStatusSchema),
      },
    },
    async (req) => ok(await recoveryCodesStatus(deps, authedContext(req, deps.database))),
  );

  r.post(
    '/api/v1/auth/totp/recovery-codes',
    {
      config: { access: 'authenticated', ...limited },
      schema: {
        tags,
        summary: 'Make a new set of recovery codes (the old ones stop working); answers them this once',
        body: recoveryCodesInput,
        response: replies(recoveryCodesSchema),
      },
    },
    async (req) => ok(await regenerateRecoveryCodes(deps, authedContext(req, deps.database), req.body)),
  );
};
