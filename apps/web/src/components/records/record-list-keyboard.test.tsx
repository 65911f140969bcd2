import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listBody, makeLead } from '../../test/crm-fixtures';
import { envelope, jsonResponse } from '../../test/fake-fetch';
import { makeMember } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';

const leads = [makeLead(1), makeLead(2)];
const api = {
  'GET /api/v1/leads': jsonResponse(listBody(leads)),
  'GET /api/v1/members': envelope([makeMember(0)]),
};

describe('record list pages: keyboard and links', () => {
  it('?new=1 opens the "New …" dialog on arrival; closing it drops the parameter', async () => {
    const { router } = renderApp('/leads?new=1&status=new', { api });
    const dialog = await screen.findByRole('dialog', { name: 'New lead' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'New lead' })).toBeNull());
    expect(router.state.location.search).toBe('?status=new');
  });

  it('the grid: ↓ moves to the next row, Space selects it, Enter opens its record', async () => {
    const { router } = renderApp('/leads', { api });
    const table = await screen.findByRole('table', { name: 'Leads' });
    const first = (await within(table).findByText('Lead Number1')).closest('tr') as HTMLElement;
    const second = within(table).getByText('Lead Number2').closest('tr') as HTMLElement;
    expect(first.tabIndex).toBe(0);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    fireEvent.keyDown(second, { key: ' ' });
    expect(
      (within(second).getByRole('checkbox', { name: 'Select Lead Number2' }) as HTMLInputElement).checked,
    ).toBe(true);
    fireEvent.keyDown(second, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/leads/${leads[1]?.id}`));
  });
});
