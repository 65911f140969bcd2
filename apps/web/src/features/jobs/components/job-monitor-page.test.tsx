import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { JobMonitorPage } from './job-monitor-page';

const failure = {
  id: '77777777-7777-4777-8777-777777777777',
  queue: 'crm.import.dead',
  state: 'dead',
  retryCount: 5,
  error: 'the file vanished',
  createdAt: '2026-12-01T10:00:00.000Z',
  completedAt: null,
};
const queue = (name: string) => ({
  name,
  dead: name.endsWith('.dead'),
  queued: 1,
  active: 0,
  deferred: 0,
  failed: 2,
  total: 3,
});

describe('job monitor page', () => {
  it('lists queues and failures with their error, and retries one', async () => {
    let retried = false;
    const api = stubApi({
      'GET /api/v1/admin/jobs': () =>
        envelope({
          queues: [queue('crm.import'), queue('crm.import.dead')],
          failures: retried ? [] : [failure],
        }),
      'POST /api/v1/admin/jobs/retry': () => {
        retried = true;
        return envelope({ retried: true });
      },
    });
    renderWithProviders(<JobMonitorPage />, { path: '/settings/jobs', me: makeMe() });
    expect(await screen.findByText('the file vanished')).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: 'crm.import.dead' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('No failed jobs.')).toBeTruthy();
    expect(api.calls('POST /api/v1/admin/jobs/retry')[0]?.body).toEqual({
      queue: 'crm.import.dead',
      id: failure.id,
    });
  });
});
