import type { Company, Permission } from '@tessera/contracts';
import { permissions } from '@tessera/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listBody, uid } from '../../../test/crm-fixtures';
import { envelope, jsonResponse } from '../../../test/fake-fetch';
import { makeMe, makeMember } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const company = (n: number): Company => ({
  id: uid(5, n),
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  createdBy: null,
  version: 1,
  archivedAt: null,
  name: `Company ${n}`,
  domain: null,
  industry: null,
  email: null,
  phone: null,
  website: null,
  city: null,
  country: null,
  ownerId: null,
  tags: [],
});
const companies = [company(1), company(2), company(3)];

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => vi.restoreAllMocks());

describe('companies list: bulk actions and export', () => {
  it('archives the selected companies through the bulk route and shows the per-id result', async () => {
    const [a, b] = companies as [Company, Company];
    const { api } = renderApp('/companies', {
      api: {
        'GET /api/v1/companies': jsonResponse(listBody(companies)),
        'GET /api/v1/members': envelope([makeMember(0)]),
        'POST /api/v1/companies/bulk': envelope({
          results: [
            { id: a.id, ok: true },
            { id: b.id, ok: false, error: { code: 'NOT_FOUND', message: 'Company not found' } },
          ],
          succeeded: 1,
          failed: 1,
        }),
      },
    });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Company 1' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select Company 2' }));
    expect(screen.getByTestId('bulk-bar').textContent).toContain('2 selected');
    fireEvent.click(screen.getByRole('button', { name: 'Bulk actions' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Archive' }));
    const dialog = screen.getByRole('dialog', { name: 'Archive companies' });
    expect(dialog.textContent).toContain('2 companies selected.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));

    const summary = await screen.findByTestId('bulk-result');
    expect(summary.textContent).toContain('1 company updated, 1 failed');
    expect(summary.textContent).toContain('Company 2: Company not found');
    expect(api.calls('POST /api/v1/companies/bulk')[0]?.body).toEqual({
      action: 'archive',
      ids: [a.id, b.id],
    });
    expect(screen.queryByTestId('bulk-bar')).toBeNull();
  });

  it('exports the current filters for spreadsheets or for re-import', async () => {
    const { api } = renderApp('/companies?q=acme', {
      api: {
        'GET /api/v1/companies': jsonResponse(listBody(companies)),
        'GET /api/v1/members': envelope([]),
        'GET /api/v1/companies/export': () => new Response('\uFEFFID,Name\r\n', { status: 200 }),
      },
    });
    await screen.findByRole('checkbox', { name: 'Select Company 1' });
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(screen.getByRole('menuitem', { name: /Spreadsheet/ }));
    await waitFor(() => expect(api.calls('GET /api/v1/companies/export')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    fireEvent.click(screen.getByRole('menuitem', { name: /For re-import/ }));
    await waitFor(() => expect(api.calls('GET /api/v1/companies/export')).toHaveLength(2));
    const [sheet, keys] = api
      .calls('GET /api/v1/companies/export')
      .map((request) => request.url.searchParams);
    expect(sheet?.get('headers')).toBe('labels');
    expect(sheet?.get('q')).toBe('acme');
    expect(keys?.get('headers')).toBe('keys');
    expect(URL.createObjectURL).toHaveBeenCalledTimes(2);
  });

  it('offers neither without the permissions: no checkboxes, no bulk bar, no Export', async () => {
    const viewOnly: Permission[] = permissions.filter(
      (p) => !['companies.update', 'companies.delete', 'companies.export'].includes(p),
    );
    renderApp('/companies', {
      me: makeMe(viewOnly),
      api: {
        'GET /api/v1/companies': jsonResponse(listBody(companies)),
        'GET /api/v1/members': envelope([]),
      },
    });
    await screen.findByText('Company 1');
    expect(screen.queryByRole('checkbox', { name: 'Select Company 1' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull();
  });
});

describe('company page: related cards', () => {
  it('shows only the related lists the member may see, and never asks for the others', async () => {
    const [a] = companies as [Company];
    const noDeals: Permission[] = permissions.filter((p) => p !== 'deals.view');
    const { api } = renderApp(`/companies/${a.id}`, {
      me: makeMe(noDeals),
      api: {
        [`GET /api/v1/companies/${a.id}`]: envelope(a),
        [`GET /api/v1/companies/${a.id}/contacts`]: jsonResponse(listBody([])),
        'GET /api/v1/members': envelope([]),
      },
    });
    expect(await screen.findByRole('region', { name: 'Contacts' })).toBeTruthy();
    await screen.findByText('No contacts at this company yet.');
    expect(screen.queryByRole('region', { name: 'Deals' })).toBeNull();
    expect(api.calls(`GET /api/v1/companies/${a.id}/deals`)).toHaveLength(0);
  });
});
