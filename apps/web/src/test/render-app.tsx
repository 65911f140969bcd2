import type { Me } from '@tessera/contracts';
import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { AppProviders } from '../app/providers';
import { routes } from '../app/router';
import { type ApiHandler, envelope, errorResponse, stubApi } from './fake-fetch';
import { makeMe } from './fixtures';

export const health = {
  status: 'ok',
  db: 'connected',
  dbKind: 'pglite',
  jobs: 'running',
  version: '1.2.3',
  uptime: 3_725,
  migrations: { applied: 4, expected: 4, latest: '0004_tenants' },
};

export interface RenderAppOptions {
  /** The signed-in user (`null`: signed out → 401 from /auth/me and /auth/refresh). */
  me?: Me | null;
  api?: Record<string, ApiHandler>;
}

/**
 * The CSRF cookie a signed-in browser holds (the app asks `GET /auth/me` only then); setup.ts clears it after
 * each test. Its value is the one `me.csrfToken` would bring.
 */
export function markSignedIn(token = 'csrf-me') {
  document.cookie = `tessera_csrf=${token}; path=/`;
}

/** The whole app (providers + real routes) at `path`, on a fake API. */
export function renderApp(path: string, { me = makeMe(), api = {} }: RenderAppOptions = {}) {
  if (me) markSignedIn();
  const fake = stubApi({
    'GET /api/health': envelope(health),
    'GET /api/v1/auth/me': me ? envelope(me) : errorResponse('UNAUTHENTICATED', 401),
    'POST /api/v1/auth/refresh': errorResponse('UNAUTHENTICATED', 401),
    ...api,
  });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, router, api: fake };
}
