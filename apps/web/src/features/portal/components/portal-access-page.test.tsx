import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listBody, makeDeal, stageIds, uid } from '../../../test/crm-fixtures';
import { envelope, errorResponse, type FakeRequest, jsonResponse, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { PortalAccessPage } from './portal-access-page';

const companyId = uid(5, 1);
const company = {
  ...makeDeal(9, stageIds[0]),
  id: companyId,
  name: 'Atlas Pool Services',
  domain: null,
  industry: null,
  email: null,
  phone: null,
  website: null,
  city: null,
  country: null,
};
const otherCompany = { ...company, id: uid(5, 2), name: 'Borealis Roofing' };
/** `GET /companies` as the API answers it: the companies whose name holds `q`, by name. */
const companiesMatching = (request: FakeRequest) => {
  const q = request.url.searchParams.get('q')?.toLowerCase() ?? '';
  return jsonResponse(listBody([company, otherCompany].filter((c) => c.name.toLowerCase().includes(q))));
};
const access = (n: number, email: string, userId: string | null) => ({
  id: uid(6, n),
  email,
  userId,
  companyId,
  companyName: company.name,
  createdAt: '2026-12-01T10:00:00.000Z',
});

describe('Customer portal settings page', () => {
  it('lists, grants and revokes portal access', async () => {
    let rows = [access(1, 'customer@example.com', uid(7, 1))];
    const api = stubApi({
      'GET /api/v1/portal-access': () => envelope(rows),
      'GET /api/v1/companies': companiesMatching,
      'POST /api/v1/portal-access': () => {
        const added = access(2, 'new@example.com', null);
        rows = [...rows, added];
        return envelope(added, 201);
      },
      [`DELETE /api/v1/portal-access/${uid(6, 1)}`]: () => {
        rows = rows.filter((r) => r.id !== uid(6, 1));
        return envelope({ deleted: true });
      },
    });
    renderWithProviders(<PortalAccessPage />, { path: '/settings/portal', me: makeMe() });
    const table = await screen.findByRole('table', { name: 'Customer portal' });
    expect(await within(table).findByText('customer@example.com')).toBeTruthy();
    expect(within(table).getAllByText('Linked').length).toBeGreaterThan(0);

    fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: ' new@example.com ' } });
    // The company is searched as you type: the typed text goes to the API, only its matches are offered.
    const picker = screen.getByRole('combobox', { name: 'Company' });
    fireEvent.focus(picker);
    expect(await screen.findByRole('option', { name: otherCompany.name })).toBeTruthy();
    fireEvent.change(picker, { target: { value: 'atl' } });
    await waitFor(() => expect(screen.queryByRole('option', { name: otherCompany.name })).toBeNull());
    expect(api.calls('GET /api/v1/companies').map((c) => c.url.searchParams.get('q'))).toContain('atl');
    expect(screen.getByRole('button', { name: 'Grant access' })).toHaveProperty('disabled', true);
    fireEvent.click(await screen.findByRole('option', { name: company.name }));
    expect(picker).toHaveProperty('value', company.name);
    expect(screen.queryByRole('option')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Grant access' }));
    expect(await within(table).findByText('new@example.com')).toBeTruthy();
    expect(within(table).getAllByText('Pending sign-up').length).toBeGreaterThan(0);
    expect(api.calls('POST /api/v1/portal-access')[0]?.body).toEqual({ email: 'new@example.com', companyId });

    fireEvent.click(screen.getByRole('button', { name: `Revoke customer@example.com for ${company.name}` }));
    const dialog = screen.getByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Revoke access' }));
    await waitFor(() => expect(within(table).queryByText('customer@example.com')).toBeNull());
    expect(api.calls(`DELETE /api/v1/portal-access/${uid(6, 1)}`)).toHaveLength(1);
  });

  it('shows the empty state and the error with a retry', async () => {
    let fail = true;
    stubApi({
      'GET /api/v1/portal-access': () => (fail ? errorResponse('INTERNAL', 500) : envelope([])),
      'GET /api/v1/companies': jsonResponse(listBody([company])),
    });
    renderWithProviders(<PortalAccessPage />, { path: '/settings/portal', me: makeMe() });
    const retry = await screen.findByRole('button', { name: /try again/i }, { timeout: 10_000 });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByText(/Nobody has portal access yet/)).toBeTruthy();
  });
});
