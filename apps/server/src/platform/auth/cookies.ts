import '@fastify/cookie';
import { ACCESS_COOKIE, CSRF_COOKIE, REFRESH_COOKIE } from '@tessera/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CookieTokens {
  accessToken: string;
  accessTtlSeconds: number;
  refreshToken: string;
  refreshTtlSeconds: number;
  csrfToken: string;
}

/** Over HTTPS cookies get `Secure` and the `__Host-` prefix (bound to this host, path /). */
const isSecure = (req: FastifyRequest) => req.protocol === 'https';
const named = (req: FastifyRequest, base: string) => (isSecure(req) ? `__Host-${base}` : base);

/** Reads a session cookie under either name (plain on http, `__Host-` on https). */
export const readCookie = (req: FastifyRequest, base: string): string | undefined =>
  req.cookies[`__Host-${base}`] ?? req.cookies[base];

/** Sets the three browser-session cookies: access + refresh (HttpOnly) and the CSRF token (readable by JS). */
export const setSessionCookies = (req: FastifyRequest, reply: FastifyReply, t: CookieTokens) => {
  const base = { path: '/', sameSite: 'lax' as const, secure: isSecure(req) };
  reply.setCookie(named(req, ACCESS_COOKIE), t.accessToken, {
    ...base,
    httpOnly: true,
    maxAge: t.accessTtlSeconds,
  });
  reply.setCookie(named(req, REFRESH_COOKIE), t.refreshToken, {
    ...base,
    httpOnly: true,
    maxAge: t.refreshTtlSeconds,
  });
  reply.setCookie(named(req, CSRF_COOKIE), t.csrfToken, {
    ...base,
    httpOnly: false,
    maxAge: t.refreshTtlSeconds,
  });
};

export const clearSessionCookies = (req: FastifyRequest, reply: FastifyReply) => {
  for (const name of [ACCESS_COOKIE, REFRESH_COOKIE, CSRF_COOKIE]) {
    reply.clearCookie(named(req, name), { path: '/', secure: isSecure(req), sameSite: 'lax' });
  }
};
