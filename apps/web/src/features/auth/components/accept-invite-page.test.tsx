import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse, stubApi } from '../../../test/fake-fetch';
import { makeAuthSession, makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { markSignedIn } from '../../../test/render-app';
import { AcceptInvitePage } from './accept-invite-page';

const TOKEN = 'invite-token-123456';
const lookup = (existingUser: boolean) =>
  envelope({ email: 'ada@example.com', tenantName: 'Acme Roofing', roleName: 'Sales agent', existingUser });

function setup(existingUser: boolean, signedIn: boolean) {
  if (signedIn) markSignedIn();
  const api = stubApi({
    'GET /api/v1/invitations/lookup': lookup(existingUser),
    'GET /api/v1/auth/me': signedIn ? envelope(makeMe()) : errorResponse('UNAUTHENTICATED', 401),
    'POST /api/v1/auth/refresh': errorResponse('UNAUTHENTICATED', 401),
    'POST /api/v1/invitations/accept': envelope(makeAuthSession()),
  });
  const view = renderWithProviders(<AcceptInvitePage />, { path: `/invite?token=${TOKEN}` });
  return { api, ...view };
}

describe('accept invitation', () => {
  it('new user: shows company and role, then sends name and password', async () => {
    const { api, router } = setup(false, false);
    expect((await screen.findByTestId('invite-summary')).textContent).toContain(
      'Acme Roofing as Sales agent',
    );
    fireEvent.change(screen.getByLabelText('Your name'), { target: { value: 'Ada' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'long-enough-password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.calls('POST /api/v1/invitations/accept')[0]?.body).toEqual({
      token: TOKEN,
      name: 'Ada',
      password: 'long-enough-password',
    });
  });

  it('existing user signed in as the invitee: accepts with one click', async () => {
    const { api } = setup(true, true);
    expect((await screen.findByTestId('invite-signed-in-as')).textContent).toContain('ada@example.com');
    expect(screen.queryByLabelText('Password')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));
    await waitFor(() =>
      expect(api.calls('POST /api/v1/invitations/accept')[0]?.body).toEqual({ token: TOKEN }),
    );
  });

  it('existing user not signed in: asks for the password', async () => {
    setup(true, false);
    expect(await screen.findByLabelText('Password')).toBeTruthy();
    expect(screen.queryByLabelText('Your name')).toBeNull();
  });

  it('explains an invalid or expired link', async () => {
    stubApi({ 'GET /api/v1/invitations/lookup': errorResponse('NOT_FOUND', 404) });
    renderWithProviders(<AcceptInvitePage />, { path: '/invite?token=nope-nope-nope' });
    expect(await screen.findByText('This invitation link is not valid')).toBeTruthy();
  });
});
