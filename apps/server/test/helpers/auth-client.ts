import type { AuthSession } from '@tessera/contracts';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

let counter = 0;
export const uniqueEmail = (label = 'user') =>
  `${label}.${Date.now().toString(36)}.${++counter}@example.test`;
export const PASSWORD = 'correct horse battery staple';

/** A signed-in browser: its cookie jar and CSRF token, as the web app holds them. */
export interface BrowserSession {
  email: string;
  password: string;
  userId: string;
  tenantId: string;
  cookies: Record<string, string>;
  csrf: string;
  body: AuthSession;
}

export const cookieHeader = (jar: Record<string, string>) =>
  Object.entries(jar)
    .map(([k, v]) => `${k}=${v}`)
    .join('; ');

/** Applies a response's Set-Cookie headers to a jar (deleting expired ones). */
export const updateJar = (jar: Record<string, string>, res: LightMyRequestResponse) => {
  for (const c of res.cookies) {
    if (
      c.value === '' ||
      (c.maxAge !== undefined && c.maxAge <= 0) ||
      (c.expires && c.expires.getTime() < Date.now())
    )
      delete jar[c.name];
    else jar[c.name] = c.value;
  }
  return jar;
};

const session = (res: LightMyRequestResponse, email: string, password: string): BrowserSession => {
  if (res.statusCode >= 300) throw new Error(`auth failed: ${res.statusCode} ${res.body}`);
  const body = res.json().data as AuthSession;
  return {
    email,
    password,
    userId: body.user.id,
    tenantId: body.tenant.id,
    cookies: updateJar({}, res),
    csrf: body.csrfToken,
    body,
  };
};

export const signUp = async (
  app: FastifyInstance,
  overrides: Partial<{ tenantName: string; name: string; email: string; password: string }> = {},
) => {
  const input = {
    tenantName: `Company ${++counter}`,
    name: 'Owner Person',
    email: uniqueEmail('owner'),
    password: PASSWORD,
    ...overrides,
  };
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/signup', payload: input });
  return session(res, input.email, input.password);
};

export const logIn = async (
  app: FastifyInstance,
  email: string,
  password: string,
  extra: Record<string, string> = {},
) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password, ...extra },
  });
  return session(res, email, password);
};

/** A request as the browser session: cookies, and the CSRF header on state-changing methods. */
export const asBrowser = (
  app: FastifyInstance,
  s: BrowserSession,
  opts: InjectOptions & { csrf?: boolean },
) => {
  const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(String(opts.method ?? 'GET').toUpperCase());
  const headers: Record<string, string> = {
    ...(opts.headers as Record<string, string>),
    cookie: cookieHeader(s.cookies),
  };
  if (unsafe && opts.csrf !== false) headers['x-csrf-token'] = s.csrf;
  return app.inject({ ...opts, headers }).then((res) => {
    updateJar(s.cookies, res);
    return res;
  });
};

/** A request with `Authorization: Bearer <token>` (API clients and API keys). */
export const asBearer = (app: FastifyInstance, token: string, opts: InjectOptions) =>
  app.inject({
    ...opts,
    headers: { ...(opts.headers as Record<string, string>), authorization: `Bearer ${token}` },
  });

export const tokenPair = async (app: FastifyInstance, email: string, password: string, tenantId?: string) => {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    payload: { email, password, ...(tenantId ? { tenantId } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`token failed: ${res.statusCode} ${res.body}`);
  return res.json().data as { accessToken: string; refreshToken: string; expiresIn: number };
};
