import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSessionStore } from '../stores/session-store';
import { envelope } from '../test/fake-fetch';
import { ids, makeAuthSession, makeMe } from '../test/fixtures';
import { markSignedIn, renderApp } from '../test/render-app';

describe('header: account menu and tenant switcher', () => {
  it('shows who is signed in and signs out', async () => {
    const { api, router } = renderApp('/status', { api: { 'POST /api/v1/auth/logout': envelope(null) } });
    fireEvent.click(await screen.findByRole('button', { name: 'Account menu' }));
    expect(screen.getByTestId('user-menu-name').textContent).toBe('Ada Admin');
    expect(screen.getByTestId('user-menu-email').textContent).toBe('ada@example.com');
    expect(useSessionStore.getState().csrfToken).toBe('csrf-me');

    fireEvent.click(screen.getByRole('menuitem', { name: 'Sign out' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/login'));
    const [logout] = api.calls('POST /api/v1/auth/logout');
    expect(logout?.headers.get('x-csrf-token')).toBe('csrf-me');
    expect(useSessionStore.getState().csrfToken).toBeNull();
    // Nothing signed-in is fetched again after signing out.
    expect(api.requests.at(-1)?.path).toBe('/api/v1/auth/logout');
  });

  it('opens the profile from the account menu', async () => {
    const { router } = renderApp('/status');
    fireEvent.click(await screen.findByRole('button', { name: 'Account menu' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Profile' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/profile'));
  });

  it('switches tenant, then reloads the session for the new company', async () => {
    let switched = false;
    const beta = makeMe(['leads.view'], {
      tenant: { id: ids.otherTenant, name: 'Beta Plumbing' },
      role: { id: ids.otherRole, name: 'Sales agent' },
    });
    const { api, router } = renderApp('/status', {
      api: {
        'GET /api/v1/auth/me': () => envelope(switched ? beta : makeMe()),
        'POST /api/v1/auth/switch-tenant': () => {
          switched = true;
          markSignedIn('csrf-beta'); // the server sets the new session's cookies
          return envelope(makeAuthSession('csrf-beta'));
        },
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Switch company' }));
    expect(screen.getByRole('menuitemradio', { name: /Acme Roofing/ }).getAttribute('aria-checked')).toBe(
      'true',
    );
    fireEvent.click(screen.getByRole('menuitemradio', { name: /Beta Plumbing/ }));

    await waitFor(() => expect(screen.getByTestId('current-tenant').textContent).toBe('Beta Plumbing'));
    expect(router.state.location.pathname).toBe('/');
    expect(api.calls('POST /api/v1/auth/switch-tenant')[0]?.body).toEqual({ tenantId: ids.otherTenant });
    // The new role has no settings permissions: the sidebar no longer offers Settings.
    expect(screen.queryByRole('link', { name: 'Settings' })).toBeNull();
  });
});
