import { screen, within } from '@testing-library/react';
import { matchRoutes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { makeMe } from '../test/fixtures';
import { renderApp } from '../test/render-app';
import { navItems, settingsNavigation } from './navigation';
import { routes } from './router';

describe('router', () => {
  it('has a real route for every navigation entry', () => {
    for (const item of [...navItems, ...settingsNavigation]) {
      const matched = matchRoutes(routes, item.path)?.at(-1)?.route;
      expect(matched?.path, item.path).not.toBe('*');
    }
  });

  it('renders the layout landmarks and a coming-soon page for module routes', async () => {
    renderApp('/documents');
    expect(await screen.findByRole('heading', { level: 1, name: 'Documents' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Documents is coming soon' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(
      within(nav)
        .getByRole('link', { name: /Documents/ })
        .getAttribute('aria-current'),
    ).toBe('page');
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByRole('banner')).toBeTruthy();
    expect(screen.getByRole('link', { name: /API docs/ }).getAttribute('href')).toBe('/api/docs');
  });

  it('shows a 404 page for unknown routes inside the layout when signed in', async () => {
    renderApp('/no/such/page');
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('shows the 404 page without the app layout when signed out', async () => {
    renderApp('/no/such/page', { me: null });
    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull();
  });

  it('shows the API health on the status page', async () => {
    renderApp('/status');
    const db = await screen.findByTestId('health-db');
    expect(db.textContent).toBe('connected');
    expect(screen.getByTestId('health-status').textContent).toBe('ok');
    expect(screen.getByTestId('health-version').textContent).toBe('1.2.3');
    expect(screen.getByTestId('health-uptime').textContent).toBe('1h 2m');
    expect(screen.getByTestId('health-migrations').textContent).toBe('4 / 4 applied');
  });
});

describe('route guard', () => {
  it('shows a spinner while the session loads, then the page', async () => {
    renderApp('/status');
    expect(screen.getByTestId('session-loading')).toBeTruthy();
    expect(await screen.findByTestId('health-db')).toBeTruthy();
  });

  it('sends a signed-out visitor to /login?next=<path>', async () => {
    const { router } = renderApp('/settings/members?x=1', { me: null });
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    expect(new URLSearchParams(router.state.location.search).get('next')).toBe('/settings/members?x=1');
  });

  it('shows "no access" for a typed URL the role does not allow', async () => {
    renderApp('/settings/audit-log', { me: makeMe(['members.view', 'leads.view']) });
    expect(await screen.findByText("You don't have access to this page")).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
  });

  it('shows "no access" for a module page without its view permission', async () => {
    renderApp('/deals', { me: makeMe(['leads.view']) });
    expect(await screen.findByRole('heading', { name: "You don't have access to this page" })).toBeTruthy();
  });
});
