import { totpDisableInput, totpEnableInput, totpSetupSchema, userSchema } from '@tessera/contracts';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { writeAudit } from '../../../platform/audit/index.ts';
import { newTotpSecret, totpUri, verifyPassword, verifyTotp } from '../../../platform/auth/index.ts';
import { type AuthedContext, authedContext } from '../../../platform/context/service-context.ts';
import { withTenant } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { users } from '../tables.ts';
import { toUser } from './auth-view.ts';
import { assertNotLocked, recordFailure } from './login.service.ts';

const tags = ['auth'];

const currentUser = async (deps: IdentityDeps, ctx: AuthedContext) => {
  const userId = ctx.auth.userId;
  if (!userId || ctx.auth.kind !== 'session')
    throw new AppError('FORBIDDEN', 'Only a signed-in user has two-factor settings');
  const [user] = await deps.database.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('NOT_FOUND', 'User not found');
  assertNotLocked(user);
  return user;
};

const badCode = () =>
  new AppError('VALIDATION_ERROR', 'That code is not valid. Try the current one.', {
    details: [{ path: 'body.code', message: 'Not valid' }],
  });

/** TOTP two-factor: set up (secret + otpauth URI), enable with a code, disable with code + password. */
export const totpRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = {
    rateLimit: { max: deps.auth.authRateLimitPerMinute, timeWindow: 60_000 },
    idempotency: false,
  };
  const audit = (ctx: AuthedContext, action: string, userId: string) =>
    withTenant(
      deps.database,
      ctx.tenantId,
      (tx) => writeAudit(tx, ctx, { action, targetType: 'user', targetId: userId }),
      userId,
    );

  r.post(
    '/api/v1/auth/totp/setup',
    {
      config: { access: 'authenticated', ...limited },
      schema: { tags, summary: 'Start two-factor set-up', response: replies(totpSetupSchema) },
    },
    async (req) => {
      const ctx = authedContext(req, deps.database);
      const user = await currentUser(deps, ctx);
      if (user.totpEnabled)
        throw new AppError(
          'CONFLICT',
          'Two-factor sign-in is already on. Turn it off first to set up a new device.',
        );
      const secret = newTotpSecret();
      await deps.database.db
        .update(users)
        .set({ totpSecret: deps.secretBox.seal(secret) })
        .where(eq(users.id, user.id));
      return ok({ secret, otpauthUri: totpUri(secret, user.email) });
    },
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
    async (req) => {
      const ctx = authedContext(req, deps.database);
      const user = await currentUser(deps, ctx);
      if (user.totpEnabled) throw new AppError('CONFLICT', 'Two-factor sign-in is already on');
      if (!user.totpSecret) throw new AppError('CONFLICT', 'Start the set-up first');
      if (!verifyTotp(deps.secretBox.open(user.totpSecret), req.body.code)) {
        await recordFailure(deps, user.id);
        throw badCode();
      }
      const [updated] = await deps.database.db
        .update(users)
        .set({ totpEnabled: true })
        .where(eq(users.id, user.id))
        .returning();
      await audit(ctx, 'auth.totp_enabled', user.id);
      return ok(toUser(updated ?? user));
    },
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
    async (req) => {
      const ctx = authedContext(req, deps.database);
      const user = await currentUser(deps, ctx);
      if (!user.totpEnabled || !user.totpSecret)
        throw new AppError('CONFLICT', 'Two-factor sign-in is not on');
      const passwordOk = await verifyPassword(user.passwordHash, req.body.password);
      if (!passwordOk || !verifyTotp(deps.secretBox.open(user.totpSecret), req.body.code)) {
        await recordFailure(deps, user.id);
        throw passwordOk
          ? badCode()
          : new AppError('VALIDATION_ERROR', 'The password is not correct', {
              details: [{ path: 'body.password', message: 'Not correct' }],
            });
      }
      const [updated] = await deps.database.db
        .update(users)
        .set({ totpEnabled: false, totpSecret: null })
        .where(eq(users.id, user.id))
        .returning();
      await audit(ctx, 'auth.totp_disabled', user.id);
      return ok(toUser(updated ?? user));
    },
  );
};
