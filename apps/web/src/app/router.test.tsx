import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, matchRoutes } from 'react-router';
import { RouterProvider } from 'react-router/dom';
import { describe, expect, it } from 'vitest';
import { envelope, stubFetch } from '../test/fake-fetch';
import { navItems } from './navigation';
import { AppProviders } from './providers';
import { routes } from './router';

const health = {
  status: 'ok',
  db: 'connected',
  dbKind: 'pglite',
  jobs: 'running',
  version: '1.2.3',
  uptime: 3_725,
  migrations: { applied: 4, expected: 4, latest: '0004_tenants' },
};

function renderAt(path: string) {
  stubFetch(envelope(health));
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return render(
    <AppProviders>
      <RouterProvider router={router} />
    </AppProviders>,
  );
}

describe('router', () => {
  it('has a real route for every navigation entry', () => {
    for (const item of navItems) {
      const matched = matchRoutes(routes, item.path)?.at(-1)?.route;
      expect(matched?.path, item.path).not.toBe('*');
    }
  });

  it('renders the layout landmarks and a coming-soon page for module routes', async () => {
    renderAt('/leads');
    expect(await screen.findByRole('heading', { level: 1, name: 'Leads' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Leads is coming soon' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: /Leads/ }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('link', { name: /API docs/ }).getAttribute('href')).toBe('/api/docs');
  });

  it('shows a 404 page for unknown routes inside the layout', async () => {
    renderAt('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('shows the API health on the status page', async () => {
    renderAt('/status');
    const db = await screen.findByTestId('health-db');
    expect(db.textContent).toBe('connected');
    expect(screen.getByTestId('health-status').textContent).toBe('ok');
    expect(screen.getByTestId('health-version').textContent).toBe('1.2.3');
    expect(screen.getByTestId('health-uptime').textContent).toBe('1h 2m');
    expect(screen.getByTestId('health-migrations').textContent).toBe('4 / 4 applied');
  });
});
