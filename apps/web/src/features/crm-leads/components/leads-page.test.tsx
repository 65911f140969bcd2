import { permissions } from '@tessera/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listBody, makeLead } from '../../../test/crm-fixtures';
import { envelope, type FakeRequest, jsonResponse } from '../../../test/fake-fetch';
import { makeMe, makeMember } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const leads = [makeLead(1), makeLead(2)];
const more = [makeLead(3)];

function leadsHandler(request: FakeRequest) {
  const cursor = request.url.searchParams.get('cursor');
  return cursor === 'c2'
    ? jsonResponse(listBody(more))
    : jsonResponse(listBody(leads, { hasMore: true, nextCursor: 'c2', total: 1200, totalIsEstimate: true }));
}

const listCalls = (api: ReturnType<typeof renderApp>['api']) =>
  api.calls('GET /api/v1/leads').map((request) => request.url.searchParams);

describe('leads grid', () => {
  it('builds the query from the URL filters and sort, pages with the cursor, searches and sorts', async () => {
    const { api, router } = renderApp('/leads?status=new,qualified&ownerId=me&sort=-score', {
      api: {
        'GET /api/v1/leads': leadsHandler,
        'GET /api/v1/members': envelope([makeMember(0), makeMember(1)]),
      },
    });
    const table = await screen.findByRole('table', { name: 'Leads' });
    await within(table).findByText('Lead Number1');
    const [first] = listCalls(api);
    expect(first?.get('status')).toBe('new,qualified');
    expect(first?.get('ownerId')).toBe('me');
    expect(first?.get('sort')).toBe('-score');
    expect(first?.get('includeTotal')).toBe('true');
    expect(first?.has('cursor')).toBe(false);
    expect(screen.getByTestId('grid-count').textContent).toBe('Showing 2 of about 1,200 leads');
    expect(screen.getByText('Status: New, Qualified')).toBeTruthy();
    // No /saved-views on this server: the control is hidden.
    expect(screen.queryByRole('button', { name: 'Saved views' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await within(table).findByText('Lead Number3');
    expect(listCalls(api).at(-1)?.get('cursor')).toBe('c2');
    expect(listCalls(api).at(-1)?.get('status')).toBe('new,qualified');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Search leads' }), { target: { value: 'ada' } });
    await waitFor(() => expect(listCalls(api).at(-1)?.get('q')).toBe('ada'));
    expect(router.state.location.search).toContain('q=ada');

    fireEvent.click(within(table).getByRole('button', { name: /Score/ }));
    await waitFor(() => expect(listCalls(api).at(-1)?.get('sort')).toBe('score'));

    fireEvent.click(screen.getByRole('button', { name: 'Remove filter Status' }));
    await waitFor(() => expect(listCalls(api).at(-1)?.has('status')).toBe(false));
    expect(router.state.location.search).not.toContain('status=');
  });

  it('runs a bulk status change and shows the per-id result summary', async () => {
    const [ok, refused] = leads as [ReturnType<typeof makeLead>, ReturnType<typeof makeLead>];
    const { api } = renderApp('/leads', {
      api: {
        'GET /api/v1/leads': jsonResponse(listBody(leads)),
        'GET /api/v1/members': envelope([makeMember(0)]),
        'POST /api/v1/leads/bulk': envelope({
          results: [
            { id: ok.id, ok: true },
            { id: refused.id, ok: false, error: { code: 'CONFLICT', message: 'Cannot move from won' } },
          ],
          succeeded: 1,
          failed: 1,
        }),
      },
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Lead Number1' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Lead Number2' }));
    expect(screen.getByTestId('bulk-bar').textContent).toContain('2 selected');
    fireEvent.click(screen.getByRole('button', { name: 'Bulk actions' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Change status…' }));
    const dialog = screen.getByRole('dialog', { name: 'Change status' });
    fireEvent.change(within(dialog).getByLabelText('Status'), { target: { value: 'qualified' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));

    const summary = await screen.findByTestId('bulk-result');
    expect(summary.textContent).toContain('1 lead updated, 1 failed');
    expect(summary.textContent).toContain('Lead Number2: Cannot move from won');
    expect(api.calls('POST /api/v1/leads/bulk')[0]?.body).toEqual({
      action: 'status',
      status: 'qualified',
      ids: [ok.id, refused.id],
    });
    expect(screen.queryByTestId('bulk-bar')).toBeNull();
  });

  it('shows the empty state with no leads and no filters', async () => {
    renderApp('/leads', {
      api: { 'GET /api/v1/leads': jsonResponse(listBody([])), 'GET /api/v1/members': envelope([]) },
    });
    expect(
      await screen.findByRole('heading', { name: 'No leads yet — create one or import a CSV' }),
    ).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New lead' })).toBeTruthy();
  });

  it('offers "Me" and "Unassigned" only as owners without members.view (and never asks for members)', async () => {
    const { api } = renderApp('/leads', {
      me: makeMe(permissions.filter((p) => p !== 'members.view')),
      api: { 'GET /api/v1/leads': jsonResponse(listBody(leads)) },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'New lead' }));
    const dialog = screen.getByRole('dialog', { name: 'New lead' });
    const owners = within(within(dialog).getByLabelText('Owner'))
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(owners).toEqual(['Unassigned', 'Me (Ada Admin)']);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create lead' }));
    expect(await within(dialog).findByText('First name is required')).toBeTruthy();
    expect(within(dialog).getByText('Last name is required')).toBeTruthy();
    expect(api.calls('GET /api/v1/members')).toHaveLength(0);
    expect(api.calls('POST /api/v1/leads')).toHaveLength(0);
  });
});
