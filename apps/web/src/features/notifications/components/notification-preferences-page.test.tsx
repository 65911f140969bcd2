import { NOTIFICATION_TYPES } from '@tessera/contracts';
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { NotificationPreferencesPage } from './notification-preferences-page';

const defaults = NOTIFICATION_TYPES.map((type) => ({ type, inApp: true, email: 'off' }));

describe('notification preferences page', () => {
  it('shows every type and saves the changed choices with one PUT', async () => {
    const api = stubApi({
      'GET /api/v1/notifications/preferences': () => envelope({ items: defaults }),
      'PUT /api/v1/notifications/preferences': (req) => envelope(req.body),
    });
    renderWithProviders(<NotificationPreferencesPage />, { path: '/profile/notifications', me: makeMe() });
    const inApp = await screen.findByRole('checkbox', { name: 'A lead is assigned to me: in the app' });
    fireEvent.click(inApp);
    fireEvent.change(screen.getByRole('combobox', { name: 'A deal in my team is won: by e-mail' }), {
      target: { value: 'digest' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Preferences saved.')).toBeTruthy();
    const body = api.calls('PUT /api/v1/notifications/preferences')[0]?.body as {
      items: { type: string; inApp: boolean; email: string }[];
    };
    expect(body.items).toHaveLength(NOTIFICATION_TYPES.length);
    expect(body.items.find((i) => i.type === 'lead.assigned')).toEqual({
      type: 'lead.assigned',
      inApp: false,
      email: 'off',
    });
    expect(body.items.find((i) => i.type === 'deal.won')?.email).toBe('digest');
  });
});
