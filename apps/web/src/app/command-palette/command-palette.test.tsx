import type { SearchResult } from '@tessera/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { uid } from '../../test/crm-fixtures';
import { envelope, errorResponse } from '../../test/fake-fetch';
import { makeMe } from '../../test/fixtures';
import { renderApp } from '../../test/render-app';
import { usePaletteStore } from './palette-store';

const lead = uid(1, 1);
const result: SearchResult = {
  groups: [
    {
      type: 'lead',
      label: 'Leads',
      hasMore: false,
      hits: [
        { id: lead, type: 'lead', title: 'Ada Lovelace', subtitle: 'Analytical Ltd', url: `/leads/${lead}` },
        { id: uid(1, 2), type: 'lead', title: 'Ada Byron', subtitle: null, url: `/leads/${uid(1, 2)}` },
      ],
    },
    {
      type: 'job',
      label: 'Jobs',
      hasMore: false,
      hits: [{ id: uid(9, 1), type: 'job', title: 'Ada roof', subtitle: null, url: `/jobs/${uid(9, 1)}` }],
    },
    {
      type: 'visit',
      label: 'Visits',
      hasMore: false,
      hits: [
        {
          id: uid(9, 2),
          type: 'visit',
          title: 'Ada plan',
          subtitle: null,
          url: `/visits/${uid(9, 2)}`,
        },
      ],
    },
  ],
};

beforeEach(() => usePaletteStore.setState({ open: false }));

const openPalette = async () => {
  await screen.findByRole('button', { name: /search/i });
  fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
  const dialog = await screen.findByRole('dialog', { name: 'Search and commands' });
  return { dialog, input: within(dialog).getByRole('combobox', { name: 'Search records and commands' }) };
};

describe('command palette', () => {
  it('Ctrl+K opens it; typing searches (debounced), groups the hits, ↑↓ move, Enter opens the record', async () => {
    const { router, api } = renderApp('/status', {
      api: { 'GET /api/v1/search': envelope(result) },
    });
    const { dialog, input } = await openPalette();
    expect(document.activeElement).toBe(input);
    fireEvent.change(input, { target: { value: 'ad' } });
    fireEvent.change(input, { target: { value: 'ada' } });
    const listbox = within(dialog).getByRole('listbox');
    expect(await within(listbox).findByRole('option', { name: /Ada Lovelace/ })).toBeTruthy();
    const searches = api.calls('GET /api/v1/search');
    expect(searches).toHaveLength(1);
    expect(searches[0]?.url.searchParams.get('q')).toBe('ada');
    expect(within(listbox).getByRole('group', { name: 'Leads' })).toBeTruthy();
    // Jobs have their page now; a kind without a page in the app (visits) is not offered.
    expect(within(listbox).getByRole('group', { name: 'Jobs' })).toBeTruthy();
    expect(within(listbox).queryByText('Ada plan')).toBeNull();
    const options = within(listbox).getAllByRole('option');
    expect(options[0]?.getAttribute('aria-selected')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]?.id);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.pathname).toBe(`/leads/${lead}`));
    expect(screen.queryByRole('dialog', { name: 'Search and commands' })).toBeNull();
  });

  it('a job hit opens the job page', async () => {
    const { router } = renderApp('/status', { api: { 'GET /api/v1/search': envelope(result) } });
    const { dialog, input } = await openPalette();
    fireEvent.change(input, { target: { value: 'ada roof' } });
    fireEvent.click(await within(dialog).findByRole('option', { name: /Ada roof/ }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/jobs/${uid(9, 1)}`));
  });

  it('leaves job hits out for a member without jobs.view', async () => {
    renderApp('/status', {
      me: makeMe(['leads.view']),
      api: { 'GET /api/v1/search': envelope(result) },
    });
    const { dialog, input } = await openPalette();
    fireEvent.change(input, { target: { value: 'ada' } });
    expect(await within(dialog).findByRole('option', { name: /Ada Lovelace/ })).toBeTruthy();
    expect(within(dialog).queryByText('Ada roof')).toBeNull();
  });

  it('offers only the commands the member may run; "New lead" opens the leads page with its dialog', async () => {
    const { router } = renderApp('/status', {
      me: makeMe(['leads.view', 'leads.create', 'deals.view']),
      api: { 'GET /api/v1/search': envelope({ groups: [] }) },
    });
    const { dialog, input } = await openPalette();
    const names = within(dialog)
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(names[0]).toContain('New lead');
    expect(names.join('|')).not.toContain('New deal');
    expect(names.join('|')).toContain('Deals');
    expect(names.join('|')).not.toContain('Invoices');
    fireEvent.change(input, { target: { value: 'zzzz' } });
    expect(await within(dialog).findByText('Nothing matches “zzzz”.')).toBeTruthy();
    expect(within(dialog).queryAllByRole('option')).toEqual([]);
    fireEvent.change(input, { target: { value: 'new lead' } });
    expect(
      within(dialog)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['New lead']);
    expect(await within(dialog).findByText('1 result')).toBeTruthy();
    fireEvent.keyDown(input, { key: 'Enter' });
    await waitFor(() => expect(router.state.location.pathname).toBe('/leads'));
    expect(router.state.location.search).toBe('?new=1');
  });

  it('a failed search says so and keeps the commands', async () => {
    renderApp('/status', { api: { 'GET /api/v1/search': errorResponse('INTERNAL', 500) } });
    const { dialog, input } = await openPalette();
    fireEvent.change(input, { target: { value: 'settings' } });
    expect(await within(dialog).findByText(/Search failed/, {}, { timeout: 5000 })).toBeTruthy();
    expect(within(dialog).getAllByRole('option').length).toBeGreaterThan(0);
  });

  it('the header button opens it too, and Escape closes it', async () => {
    renderApp('/status');
    fireEvent.click(await screen.findByRole('button', { name: /search/i }));
    const dialog = await screen.findByRole('dialog', { name: 'Search and commands' });
    fireEvent.keyDown(dialog, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Search and commands' })).toBeNull());
  });
});
