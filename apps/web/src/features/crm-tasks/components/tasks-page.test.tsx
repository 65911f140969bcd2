import type { Task } from '@tessera/contracts';
import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listBody, uid } from '../../../test/crm-fixtures';
import { envelope, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { makeMember } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const task = (n: number, title: string, dueAt: string | null): Task => ({
  id: uid(5, n),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  version: 2,
  archivedAt: null,
  title,
  description: null,
  dueAt,
  priority: 'high',
  status: 'open',
  assigneeId: null,
  related: { type: 'lead', id: uid(1, 1) },
  completedAt: null,
  milestoneId: null,
  estimateHours: null,
  checklist: [],
});
const overdue = task(1, 'Call Acme back', new Date(Date.now() - 86_400_000).toISOString());
const later = task(2, 'Send the quote', null);

describe('my tasks', () => {
  it('asks for my open tasks, groups them, and completes one optimistically (rolled back on error)', async () => {
    let answer: (response: Response) => void = () => {};
    const { api } = renderApp('/tasks', {
      api: {
        'GET /api/v1/tasks': jsonResponse(listBody([overdue, later])),
        'GET /api/v1/members': envelope([makeMember(0)]),
        [`POST /api/v1/tasks/${overdue.id}/complete`]: () =>
          new Promise<Response>((resolve) => (answer = resolve)),
      },
    });
    expect(await screen.findByText('Call Acme back')).toBeTruthy();
    const query = api.calls('GET /api/v1/tasks')[0]?.url.searchParams;
    expect(query?.get('assigneeId')).toBe('me');
    expect(query?.get('status')).toBe('open,in_progress');
    expect(query?.get('sort')).toBe('dueAt');
    expect(screen.getByTestId('task-group-overdue').textContent).toContain('Call Acme back');
    expect(screen.getByTestId('task-group-none').textContent).toContain('Send the quote');
    expect(screen.getAllByRole('link', { name: 'Open lead' })[0]?.getAttribute('href')).toBe(
      `/leads/${uid(1, 1)}`,
    );

    fireEvent.click(screen.getByRole('checkbox', { name: 'Complete Call Acme back' }));
    await waitFor(() => expect(screen.queryByText('Call Acme back')).toBeNull());
    await waitFor(() => expect(api.calls(`POST /api/v1/tasks/${overdue.id}/complete`)).toHaveLength(1));
    expect(api.calls(`POST /api/v1/tasks/${overdue.id}/complete`)[0]?.body).toEqual({ version: 2 });
    await act(async () => answer(errorResponse('CONFLICT', 409, { message: 'Changed meanwhile' })));
    expect(await screen.findByText('Call Acme back')).toBeTruthy();
    expect((await screen.findByTestId('toast')).textContent).toContain('Changed meanwhile');
  });
});
