import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ApiKeysPage } from './api-keys-page';

const key = {
  id: '66666666-6666-4666-8666-666666666666',
  name: 'Website form',
  prefix: 'tsk_ab12',
  permissions: ['leads.create'],
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  createdAt: '2026-01-05T10:00:00.000Z',
};
const list = (items: unknown[]) => envelope(items);

describe('API keys', () => {
  it('shows the new key once, with a warning, and never again after closing', async () => {
    let created = false;
    const api = stubApi({
      'GET /api/v1/api-keys': () => list(created ? [key] : []),
      'POST /api/v1/api-keys': () => {
        created = true;
        return envelope({ ...key, key: 'tsk_ab12_SECRET_VALUE' }, 201);
      },
    });
    renderWithProviders(<ApiKeysPage />, { path: '/settings/api-keys', me: makeMe() });
    expect(await screen.findByText('No API keys yet.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Create API key' }));
    const dialog = screen.getByRole('dialog', { name: 'Create API key' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key' }));
    expect(await within(dialog).findByText('Choose at least one permission')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Website form' } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Leads: create' }));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create key' }));

    const secret = await screen.findByTestId('api-key-secret');
    expect(secret.textContent).toBe('tsk_ab12_SECRET_VALUE');
    expect(screen.getByTestId('api-key-warning').textContent).toMatch(/only time the key is shown/);
    expect(screen.getByRole('button', { name: 'Copy API key' })).toBeTruthy();
    expect(api.calls('POST /api/v1/api-keys')[0]?.body).toEqual({
      name: 'Website form',
      permissions: ['leads.create'],
    });

    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(await screen.findByText('tsk_ab12…')).toBeTruthy();
    expect(screen.queryByText('tsk_ab12_SECRET_VALUE')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Create API key' }));
    expect(screen.queryByTestId('api-key-secret')).toBeNull();
  });
});
