import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse, stubApi } from '../../../test/fake-fetch';
import { makeAuthSession } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { SignupPage } from './signup-page';

const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });

function fill(password: string) {
  type('Company name', 'Acme Roofing');
  type('Your name', 'Ada Admin');
  type('Email', 'ada@example.com');
  type('Password', password);
  fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
}

describe('sign-up', () => {
  it('rejects a short password before sending anything', async () => {
    const api = stubApi({});
    renderWithProviders(<SignupPage />, { path: '/signup' });
    fill('short');
    expect(await screen.findByText('At least 8 characters')).toBeTruthy();
    expect(api.fetch).not.toHaveBeenCalled();
  });

  it("shows the server's VALIDATION_ERROR details on the matching field", async () => {
    stubApi({
      'POST /api/v1/auth/signup': errorResponse('VALIDATION_ERROR', 400, {
        details: [{ path: 'body.email', message: 'This e-mail is already registered' }],
      }),
    });
    renderWithProviders(<SignupPage />, { path: '/signup' });
    fill('long-enough-password');
    expect(await screen.findByText('This e-mail is already registered')).toBeTruthy();
    expect(screen.getByLabelText('Email').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('creates the account and opens the app', async () => {
    const api = stubApi({ 'POST /api/v1/auth/signup': envelope(makeAuthSession(), 201) });
    const { router } = renderWithProviders(<SignupPage />, { path: '/signup' });
    fill('long-enough-password');
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.requests[0]?.body).toEqual({
      tenantName: 'Acme Roofing',
      name: 'Ada Admin',
      email: 'ada@example.com',
      password: 'long-enough-password',
    });
  });
});
