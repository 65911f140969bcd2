import type { AuthSession, TokenPair } from '@tessera/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { setSessionCookies } from '../../../platform/auth/index.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { buildAuthSession } from './auth-view.ts';
import type { ClientMeta, IssuedTokens } from './session-tokens.ts';

export const clientMeta = (req: FastifyRequest): ClientMeta & { requestId: string } => ({
  ip: req.ip,
  userAgent: req.headers['user-agent'] ?? null,
  requestId: req.id,
});

/** Browser flow: tokens go into HttpOnly cookies; the body carries the user, tenant, memberships and CSRF token. */
export const sessionResponse = async (
  deps: IdentityDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  tokens: IssuedTokens,
): Promise<AuthSession> => {
  setSessionCookies(req, reply, {
    accessToken: tokens.accessToken,
    accessTtlSeconds: tokens.expiresIn,
    refreshToken: tokens.refreshToken,
    refreshTtlSeconds: tokens.refreshTtlSeconds,
    csrfToken: tokens.csrfToken,
  });
  reply.header('cache-control', 'no-store');
  return buildAuthSession(deps.database, tokens.userId, tokens.tenantId, tokens.csrfToken);
};

/** API-client flow: the pair in the body, no cookies. */
export const tokenPair = (reply: FastifyReply, tokens: IssuedTokens): TokenPair => {
  reply.header('cache-control', 'no-store');
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresIn: tokens.expiresIn,
    tokenType: 'Bearer',
  };
};
