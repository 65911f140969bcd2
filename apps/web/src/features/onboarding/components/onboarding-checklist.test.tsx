import type { Onboarding } from '@tessera/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const onboarding = (done: boolean[], dismissed = false): Onboarding => ({
  dismissed,
  steps: [
    {
      id: 'company-settings',
      label: 'Add your company details',
      description: 'd',
      href: '/settings/company',
    },
    { id: 'invite-member', label: 'Invite a colleague', description: 'd', href: '/settings/members' },
    { id: 'import-leads', label: 'Import your leads', description: 'd', href: '/leads' },
  ].map((s, i) => ({ ...s, done: done[i] ?? false })),
});

describe('Get started checklist (dashboard)', () => {
  it('shows the steps with their progress and links; Dismiss hides it for good (PATCH)', async () => {
    const { api } = renderApp('/', {
      api: {
        'GET /api/v1/onboarding': envelope(onboarding([true, false, false])),
        'PATCH /api/v1/onboarding': envelope(onboarding([true, false, false], true)),
      },
    });
    const card = await screen.findByTestId('onboarding-checklist');
    expect(within(card).getByText('1 of 3 done — a few steps to set your company up.')).toBeTruthy();
    expect(within(card).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('1');
    expect(
      within(card)
        .getByRole('link', { name: /Invite a colleague\s*\(to do\)/ })
        .getAttribute('href'),
    ).toBe('/settings/members');
    expect(within(card).getByRole('link', { name: /Add your company details\s*\(done\)/ })).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByTestId('onboarding-checklist')).toBeNull());
    expect(api.calls('PATCH /api/v1/onboarding')[0]?.body).toEqual({ dismissed: true });
  });

  it('is not shown once dismissed, once every step is done, or to a member without settings.manage', async () => {
    for (const [me, answer] of [
      [makeMe(), onboarding([false, false, false], true)],
      [makeMe(), onboarding([true, true, true])],
      [makeMe(['leads.view']), onboarding([false, false, false])],
    ] as const) {
      const { api, unmount } = renderApp('/', { me, api: { 'GET /api/v1/onboarding': envelope(answer) } });
      await screen.findByRole('heading', { level: 1 });
      await waitFor(() =>
        expect(
          api.calls('GET /api/v1/onboarding').length > 0 || !me.permissions.includes('settings.manage'),
        ).toBe(true),
      );
      expect(screen.queryByTestId('onboarding-checklist')).toBeNull();
      if (!me.permissions.includes('settings.manage'))
        expect(api.calls('GET /api/v1/onboarding')).toEqual([]);
      unmount();
    }
  });

  it('a failed load says so with a retry', async () => {
    renderApp('/', { api: { 'GET /api/v1/onboarding': errorResponse('INTERNAL', 500) } });
    expect(
      await screen.findByText('Could not load the getting-started checklist', {}, { timeout: 5000 }),
    ).toBeTruthy();
  });
});
