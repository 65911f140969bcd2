import type { FastifyInstance } from 'fastify';
import { authRoutes } from './auth/auth.routes.ts';
import { passwordRoutes } from './auth/password.routes.ts';
import { sessionRoutes } from './auth/sessions.routes.ts';
import { totpRoutes } from './auth/totp.routes.ts';
import type { IdentityDeps } from './identity-deps.ts';

/** The identity module's HTTP API: sign-up, sessions, tokens, passwords, 2FA, members, roles, teams, API keys. */
export const identityRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  await app.register(authRoutes, deps);
  await app.register(sessionRoutes, deps);
  await app.register(passwordRoutes, deps);
  await app.register(totpRoutes, deps);
};

export { registerAuthentication } from './auth/authenticate.ts';
export { signup } from './auth/signup.service.ts';
export type { AuthSettings, IdentityDeps } from './identity-deps.ts';
export { tenants, users } from './tables.ts';
export { countTenants, createTenant, findTenantBySlug, type Tenant } from './tenants.service.ts';
