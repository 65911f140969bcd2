import { API_V1, isPermission, type Permission } from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../http/app-error.ts';

/**
 * What a route needs: `'public'` (anyone), `'authenticated'` (any signed-in caller of the tenant), or one
 * permission key. Every `/api/v1` route must declare it — registering one without fails at start-up.
 */
export type RouteAccess = 'public' | 'authenticated' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** Check the CSRF header on this public route too when called with the session cookie (logout). */
    csrf?: boolean;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request that carries the session cookie needs the CSRF header — whatever other
 * credentials (a bogus or real Authorization / X-API-Key header) it carries too: no exceptions.
 */
export const csrfRequired = (req: FastifyRequest) => {
  const auth = req.auth;
  const access = req.routeOptions.config.access;
  return (
    (Boolean(auth?.viaCookie) || req.sessionCookie !== undefined) &&
    !SAFE_METHODS.has(req.method) &&
    (access !== 'public' || req.routeOptions.config.csrf === true)
  );
};

const csrfValid = (req: FastifyRequest) =>
  req.auth?.viaCookie ? req.auth.csrfValid : (req.sessionCookie?.csrfValid ?? false);

/** Enforces each route's declared access before validation: 401 without a caller, 403 without the permission or CSRF token. */
export const registerRouteAccess = (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith(API_V1)) return;
    const access = (route.config as { access?: string } | undefined)?.access;
    if (access === undefined)
      throw new Error(`Route ${route.method} ${route.url} declares no access (config.access)`);
    if (access !== 'public' && access !== 'authenticated' && !isPermission(access)) {
      throw new Error(`Route ${route.method} ${route.url} needs unknown permission "${access}"`);
    }
  });

  app.addHook('preValidation', async (req) => {
    const access = req.routeOptions.config.access;
    if (access === undefined) return; // not an /api/v1 route (health, docs, web app)
    if (csrfRequired(req) && !csrfValid(req)) {
      throw new AppError('FORBIDDEN', 'Missing or invalid CSRF token (x-csrf-token header)');
    }
    if (access === 'public') return;
    if (!req.auth) throw new AppError('UNAUTHENTICATED', req.authFailure ?? 'Sign in to continue');
    if (access !== 'authenticated' && !req.auth.permissions.has(access)) {
      throw new AppError('FORBIDDEN', `You need the "${access}" permission for this`);
    }
  });
};
