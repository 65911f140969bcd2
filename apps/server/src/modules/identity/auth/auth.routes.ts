import {
  authSessionSchema,
  loginInput,
  meSchema,
  profileUpdateInput,
  REFRESH_COOKIE,
  signupInput,
  switchTenantInput,
  tokenInput,
  tokenPairSchema,
  tokenRefreshInput,
  userSchema,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { clearSessionCookies, readCookie } from '../../../platform/auth/index.ts';
import { authedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { buildMe } from './auth-view.ts';
import { authenticateUser } from './login.service.ts';
import { updateProfile } from './profile.service.ts';
import { clientMeta, sessionResponse, tokenPair } from './respond.ts';
import { csrfTokenFor, rotateRefreshToken, startSession } from './session-tokens.ts';
import { logoutSession, switchTenant } from './sessions.service.ts';
import { signup } from './signup.service.ts';

const tags = ['auth'];

export const authRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const limited = {
    rateLimit: { max: deps.auth.authRateLimitPerMinute, timeWindow: 60_000 },
    idempotency: false,
  };

  r.post(
    '/api/v1/auth/signup',
    {
      config: { access: 'public', ...limited },
      schema: {
        tags,
        summary: 'Create a company and its owner account',
        body: signupInput,
        response: replies(authSessionSchema, 201),
      },
    },
    async (req, reply) => {
      const meta = clientMeta(req);
      const { userId, tenantId } = await signup(deps, req.body, meta);
      const tokens = await startSession(deps, { userId, tenantId, kind: 'browser', ...meta });
      return reply.code(201).send(ok(await sessionResponse(deps, req, reply, tokens)));
    },
  );

  r.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public', ...limited },
      schema: {
        tags,
        summary: 'Sign in (browser: sets session cookies)',
        body: loginInput,
        response: replies(authSessionSchema),
      },
    },
    async (req, reply) => {
      const meta = clientMeta(req);
      const { user, tenantId } = await authenticateUser(deps, req.body, meta);
      const tokens = await startSession(deps, { userId: user.id, tenantId, kind: 'browser', ...meta });
      return ok(await sessionResponse(deps, req, reply, tokens));
    },
  );

  r.post(
    '/api/v1/auth/refresh',
    {
      config: { access: 'public', ...limited },
      schema: { tags, summary: 'Rotate the browser session cookies', response: replies(authSessionSchema) },
    },
    async (req, reply) => {
      const presented = readCookie(req, REFRESH_COOKIE);
      if (!presented) throw new AppError('UNAUTHENTICATED', 'No session to refresh. Sign in again.');
      try {
        const tokens = await rotateRefreshToken(deps, presented, clientMeta(req));
        return ok(await sessionResponse(deps, req, reply, tokens));
      } catch (err) {
        clearSessionCookies(req, reply);
        throw err;
      }
    },
  );

  r.post(
    '/api/v1/auth/logout',
    {
      config: { access: 'public', csrf: true, idempotency: false },
      schema: {
        tags,
        summary: 'Sign out this session',
        response: replies(z.object({ signedOut: z.literal(true) })),
      },
    },
    async (req, reply) => {
      if (req.auth?.sessionId && req.auth.userId)
        await logoutSession(deps, authedContext(req, deps.database));
      clearSessionCookies(req, reply);
      return ok({ signedOut: true as const });
    },
  );

  r.get(
    '/api/v1/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The signed-in user, tenant, role and effective permissions',
        response: replies(meSchema),
      },
    },
    async (req) => {
      const auth = authedContext(req, deps.database).auth;
      if (auth.kind !== 'session') throw new AppError('FORBIDDEN', 'Not available for API keys');
      const csrf =
        auth.viaCookie && auth.sessionId ? csrfTokenFor(deps.auth.jwtSecret, auth.sessionId) : undefined;
      return ok(await buildMe(deps.database, auth, csrf));
    },
  );

  r.post(
    '/api/v1/auth/switch-tenant',
    {
      config: { access: 'authenticated', idempotency: false },
      schema: {
        tags,
        summary: 'Continue in another company you belong to',
        body: switchTenantInput,
        response: replies(authSessionSchema),
      },
    },
    async (req, reply) => {
      const ctx = authedContext(req, deps.database);
      const auth = ctx.auth;
      const tokens = await switchTenant(deps, ctx, req.body.tenantId);
      if (auth.viaCookie) return ok(await sessionResponse(deps, req, reply, tokens));
      throw new AppError(
        'VALIDATION_ERROR',
        'API clients switch company by requesting a token with tenantId',
      );
    },
  );

  r.post(
    '/api/v1/auth/token',
    {
      config: { access: 'public', ...limited },
      schema: {
        tags,
        summary: 'API clients: get an access/refresh token pair',
        body: tokenInput,
        response: replies(tokenPairSchema),
      },
    },
    async (req, reply) => {
      const meta = clientMeta(req);
      const { user, tenantId } = await authenticateUser(deps, req.body, meta);
      return ok(
        tokenPair(reply, await startSession(deps, { userId: user.id, tenantId, kind: 'token', ...meta })),
      );
    },
  );

  r.post(
    '/api/v1/auth/token/refresh',
    {
      config: { access: 'public', ...limited },
      schema: {
        tags,
        summary: 'API clients: rotate the token pair',
        body: tokenRefreshInput,
        response: replies(tokenPairSchema),
      },
    },
    async (req, reply) =>
      ok(tokenPair(reply, await rotateRefreshToken(deps, req.body.refreshToken, clientMeta(req)))),
  );

  r.patch(
    '/api/v1/auth/profile',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Change your name', body: profileUpdateInput, response: replies(userSchema) },
    },
    async (req) => ok(await updateProfile(authedContext(req, deps.database), req.body)),
  );
};
