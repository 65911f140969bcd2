import { TOTP_REQUIRED } from '@tessera/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useSessionStore } from '../../../stores/session-store';
import { envelope, errorResponse, stubApi } from '../../../test/fake-fetch';
import { makeAuthSession } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { LoginPage } from './login-page';

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const signIn = () => fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));

describe('login', () => {
  it('validates before sending: a bad e-mail and a missing password show field errors, nothing is sent', async () => {
    const api = stubApi({});
    renderWithProviders(<LoginPage />, { path: '/login' });
    type('Email', 'not-an-email');
    signIn();
    expect(await screen.findByText('Enter a valid e-mail address')).toBeTruthy();
    expect(screen.getByText('Password is required')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(api.fetch).not.toHaveBeenCalled();
  });

  it('signs in, keeps the CSRF token and goes to `next`', async () => {
    const api = stubApi({ 'POST /api/v1/auth/login': envelope(makeAuthSession('csrf-login')) });
    const { router } = renderWithProviders(<LoginPage />, { path: '/login?next=%2Fsettings%2Froles' });
    type('Email', ' Ada@Example.com ');
    type('Password', 'secret-password');
    signIn();
    await waitFor(() => expect(router.state.location.pathname).toBe('/settings/roles'));
    expect(api.requests[0]?.body).toEqual({ email: 'ada@example.com', password: 'secret-password' });
    expect(useSessionStore.getState().csrfToken).toBe('csrf-login');
  });

  it('asks for the 6-digit code on TOTP_REQUIRED and resends the credentials with it', async () => {
    let calls = 0;
    const api = stubApi({
      'POST /api/v1/auth/login': () =>
        ++calls === 1
          ? errorResponse('UNAUTHENTICATED', 401, { details: { reason: TOTP_REQUIRED } })
          : envelope(makeAuthSession()),
    });
    const { router } = renderWithProviders(<LoginPage />, { path: '/login' });
    type('Email', 'ada@example.com');
    type('Password', 'secret-password');
    signIn();
    expect(await screen.findByTestId('totp-step')).toBeTruthy();
    expect(screen.queryByLabelText('Password')).toBeNull();

    type('Authentication code', '12ab');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText('Enter the 6-digit code or a recovery code')).toBeTruthy();
    expect(calls).toBe(1);

    type('Authentication code', '123456');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.requests[1]?.body).toEqual({
      email: 'ada@example.com',
      password: 'secret-password',
      totp: '123456',
    });
  });

  it('says the code is wrong when the server still answers TOTP_REQUIRED', async () => {
    stubApi({
      'POST /api/v1/auth/login': errorResponse('UNAUTHENTICATED', 401, {
        details: { reason: TOTP_REQUIRED },
      }),
    });
    renderWithProviders(<LoginPage />, { path: '/login' });
    type('Email', 'ada@example.com');
    type('Password', 'secret-password');
    signIn();
    await screen.findByTestId('totp-step');
    type('Authentication code', '000000');
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByText(/That code is not valid/)).toBeTruthy();
  });

  it('shows wrong credentials and rate limits (with Retry-After) as a form error', async () => {
    let calls = 0;
    stubApi({
      'POST /api/v1/auth/login': () =>
        ++calls === 1
          ? errorResponse('UNAUTHENTICATED', 401, { message: 'Wrong e-mail or password.' })
          : errorResponse('RATE_LIMITED', 429, {
              message: 'Too many attempts.',
              headers: { 'retry-after': '42' },
            }),
    });
    renderWithProviders(<LoginPage />, { path: '/login' });
    type('Email', 'ada@example.com');
    type('Password', 'nope');
    signIn();
    expect((await screen.findByRole('alert')).textContent).toContain('Wrong e-mail or password.');
    signIn();
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Too many attempts. Try again in 42 seconds.'),
    );
    expect(screen.getByRole('alert').textContent).toContain('Request ID: req-1');
    expect(calls).toBe(2);
  });
});
