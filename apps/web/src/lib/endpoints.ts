import { API_PREFIX, API_V1 } from '@tessera/contracts';

/** Interactive API reference served by the server (a real page load, not a client route). */
export const API_DOCS_URL = `${API_PREFIX}/docs`;
export const HEALTH_PATH = `${API_PREFIX}/health`;

/** `/api/v1/<path>`. */
export const v1 = (path: string): string => `${API_V1}/${path.replace(/^\//, '')}`;

export const AUTH_PATHS = {
  signup: v1('auth/signup'),
  login: v1('auth/login'),
  logout: v1('auth/logout'),
  refresh: v1('auth/refresh'),
  me: v1('auth/me'),
  switchTenant: v1('auth/switch-tenant'),
  passwordForgot: v1('auth/password/forgot'),
  passwordReset: v1('auth/password/reset'),
  invitationLookup: v1('invitations/lookup'),
  invitationAccept: v1('invitations/accept'),
} as const;

/**
 * Endpoints whose 401 means "wrong credentials / not signed in", not "access token expired": the API
 * client never tries a session refresh for them.
 */
export const NO_REFRESH_PATHS: readonly string[] = [
  AUTH_PATHS.signup,
  AUTH_PATHS.login,
  AUTH_PATHS.logout,
  AUTH_PATHS.refresh,
  AUTH_PATHS.passwordForgot,
  AUTH_PATHS.passwordReset,
  AUTH_PATHS.invitationLookup,
  AUTH_PATHS.invitationAccept,
];
