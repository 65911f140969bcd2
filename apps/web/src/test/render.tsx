import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { ME_QUERY_KEY } from '../hooks/use-me';
import { createQueryClient } from '../lib/query-client';
import type { makeMe } from './fixtures';

/**
 * One component on a memory router (at `path`) with a fresh query client; `me` pre-fills the session query
 * (as the route guard would have loaded it). Other paths render their path as text, to check navigation.
 */
export function renderWithProviders(
  ui: ReactNode,
  { path = '/', me }: { path?: string; me?: ReturnType<typeof makeMe> } = {},
) {
  const queryClient = createQueryClient();
  if (me) queryClient.setQueryData(ME_QUERY_KEY, me);
  const router = createMemoryRouter(
    [
      { path: path.split('?')[0] ?? '/', element: ui },
      { path: '*', element: <p data-testid="navigated-to">navigated</p> },
    ],
    { initialEntries: [path] },
  );
  const view = render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { ...view, router, queryClient };
}
