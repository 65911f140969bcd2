import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { envelope, stubApi } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render';
import { NotificationBell } from './notification-bell';

const n = (i: number, readAt: string | null = null) => ({
  id: `01a1fcbb-0000-7000-8000-00000000000${i}`,
  type: 'lead.assigned',
  entity: 'lead',
  entityId: `01a1fcbb-0000-7000-8000-00000000010${i}`,
  title: null,
  actorUserId: null,
  readAt,
  createdAt: '2026-12-04T10:00:00.000Z',
});

afterEach(() => vi.unstubAllGlobals());

describe('NotificationBell', () => {
  it('shows the unread count, lists notifications and marks them all as read', async () => {
    let unread = 2;
    const api = stubApi({
      'GET /api/v1/notifications/unread-count': () => envelope({ unread }),
      'GET /api/v1/notifications': () => envelope([n(1), n(2, '2026-12-04T11:00:00.000Z')]),
      'POST /api/v1/notifications/mark-as-read': () => {
        unread = 0;
        return envelope({ updated: 2 });
      },
    });
    const { queryClient } = renderWithProviders(<NotificationBell />);
    expect((await screen.findByTestId('unread-count')).textContent).toBe('2');
    fireEvent.click(screen.getByRole('button', { name: 'Notifications, 2 unread' }));
    const items = await screen.findAllByRole('link', { name: /A lead was assigned to you/ });
    expect(items).toHaveLength(2);
    expect(items[0]?.getAttribute('href')).toBe('/leads/01a1fcbb-0000-7000-8000-000000000101');
    fireEvent.click(screen.getByRole('button', { name: 'Mark all as read' }));
    await waitFor(() => expect(screen.queryByTestId('unread-count')).toBeNull());
    expect(api.requests.find((r) => r.method === 'POST')?.body).toEqual({ all: true });
    // A socket message addressed to you invalidates ['notifications']: the count follows.
    unread = 5;
    await queryClient.invalidateQueries({ queryKey: ['notifications'] });
    expect((await screen.findByTestId('unread-count')).textContent).toBe('5');
  });
});
