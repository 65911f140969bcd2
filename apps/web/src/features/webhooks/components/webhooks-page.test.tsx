import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { WebhooksPage } from './webhooks-page';

const sub = {
  id: '77777777-7777-4777-8777-777777777777',
  url: 'https://crm.example.com/hooks',
  eventTypes: ['lead.created'],
  active: true,
  description: null,
  disabledReason: null,
  consecutiveFailures: 0,
  rotating: false,
  version: 1,
  createdAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-01-05T10:00:00.000Z',
};
const delivery = {
  id: '88888888-8888-4888-8888-888888888888',
  subscriptionId: sub.id,
  eventId: '99999999-9999-4999-8999-999999999999',
  eventType: 'lead.created',
  status: 'dead',
  attempts: 8,
  responseStatus: 500,
  durationMs: 12,
  responseBody: 'boom',
  error: null,
  nextAttemptAt: null,
  deliveredAt: null,
  createdAt: '2026-01-05T10:00:00.000Z',
};

describe('Webhooks settings', () => {
  it('adds a webhook with the event picker, shows the secret once, filters and replays deliveries', async () => {
    let created = false;
    const api = stubApi({
      'GET /api/v1/webhooks/subscriptions': () => envelope(created ? [sub] : []),
      'POST /api/v1/webhooks/subscriptions': () => {
        created = true;
        return envelope({ ...sub, secret: 'whsec_SECRET' }, 201);
      },
      'GET /api/v1/webhooks/deliveries': () => envelope([delivery]),
      [`POST /api/v1/webhooks/deliveries/${delivery.id}/replay`]: () =>
        envelope({ ...delivery, status: 'pending', attempts: 0 }, 202),
    });
    renderWithProviders(<WebhooksPage />, { path: '/settings/webhooks', me: makeMe() });
    expect(await screen.findByText('No webhooks yet.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    const dialog = screen.getByRole('dialog', { name: 'Add webhook' });
    const submit = within(dialog).getByRole('button', { name: 'Add webhook' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('Endpoint URL'), { target: { value: sub.url } });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'lead.created' }));
    fireEvent.click(submit);
    expect((await screen.findByTestId('webhook-secret')).textContent).toBe('whsec_SECRET');
    expect(api.calls('POST /api/v1/webhooks/subscriptions')[0]?.body).toEqual({
      url: sub.url,
      eventTypes: ['lead.created'],
    });
    fireEvent.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByText('whsec_SECRET')).toBeNull();

    fireEvent.change(await screen.findByLabelText('Status'), { target: { value: 'dead' } });
    await waitFor(() =>
      expect(api.calls('GET /api/v1/webhooks/deliveries').at(-1)?.url.searchParams.get('status')).toBe(
        'dead',
      ),
    );
    fireEvent.click(await screen.findByRole('button', { name: `Replay delivery ${delivery.id}` }));
    await waitFor(() =>
      expect(api.calls(`POST /api/v1/webhooks/deliveries/${delivery.id}/replay`)).toHaveLength(1),
    );
  });
});
