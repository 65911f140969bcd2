import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RequirePermission } from '../app/require-permission';
import { makeMe } from '../test/fixtures';
import { renderWithProviders } from '../test/render';
import { Can } from './can';

describe('403 and permission checks', () => {
  it('shows the forbidden page (with the missing permission) instead of the page', () => {
    renderWithProviders(
      <RequirePermission permission="roles.view">
        <p>Secret roles</p>
      </RequirePermission>,
      { me: makeMe(['members.view']) },
    );
    expect(
      screen.getByRole('heading', { level: 1, name: "You don't have access to this page" }),
    ).toBeTruthy();
    expect(screen.getByText('roles.view')).toBeTruthy();
    expect(screen.queryByText('Secret roles')).toBeNull();
    expect(screen.getByRole('link', { name: 'Go to dashboard' }).getAttribute('href')).toBe('/');
  });

  it('renders the page with the permission', () => {
    renderWithProviders(
      <RequirePermission permission="roles.view">
        <p>Secret roles</p>
      </RequirePermission>,
      { me: makeMe(['roles.view']) },
    );
    expect(screen.getByText('Secret roles')).toBeTruthy();
  });

  it('<Can> hides what the user lacks', () => {
    renderWithProviders(
      <>
        <Can permission="members.manage">
          <button type="button">Invite member</button>
        </Can>
        <Can permission="members.view" fallback={<p>hidden</p>}>
          <p>Members list</p>
        </Can>
      </>,
      { me: makeMe(['members.view']) },
    );
    expect(screen.queryByRole('button', { name: 'Invite member' })).toBeNull();
    expect(screen.getByText('Members list')).toBeTruthy();
  });
});
