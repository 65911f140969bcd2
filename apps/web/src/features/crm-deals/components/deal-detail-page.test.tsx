import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listBody, makeDeal, pipeline, stageIds, uid } from '../../../test/crm-fixtures';
import { envelope, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { makeMe, makeMember } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const companyId = uid(5, 1);
const deal = makeDeal(3, stageIds[1], {
  version: 6,
  companyId,
  expectedCloseDate: '2026-03-31',
  tags: ['roof'],
  parties: { company: { id: companyId, name: 'Acme Roofing Ltd', canOpen: true }, contact: null },
});
const path = `/api/v1/deals/${deal.id}`;
const company = {
  ...makeDeal(9, stageIds[0]),
  id: companyId,
  name: 'Acme Roofing Ltd',
  domain: null,
  industry: null,
  email: null,
  phone: null,
  website: null,
  city: null,
  country: null,
};

function setup(extra = {}, me = makeMe()) {
  return renderApp(`/deals/${deal.id}`, {
    me,
    api: {
      [`GET ${path}`]: envelope(deal),
      [`GET ${path}/timeline`]: jsonResponse(listBody([])),
      'GET /api/v1/members': envelope([makeMember(0)]),
      'GET /api/v1/pipelines': jsonResponse(listBody([pipeline])),
      [`GET /api/v1/companies/${companyId}`]: envelope(company),
      'GET /api/v1/companies': jsonResponse(listBody([])),
      'GET /api/v1/contacts': jsonResponse(listBody([])),
      ...extra,
    },
  });
}

describe('deal page', () => {
  it('shows amount, stage, probability, close date and the company link', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Deal 3' })).toBeTruthy();
    expect(screen.getByTestId('deal-status').textContent).toBe('Open');
    expect(await screen.findByText('Proposal · Sales')).toBeTruthy();
    expect(screen.getByText('50%')).toBeTruthy();
    expect(screen.getAllByText('$3,000.00').length).toBeGreaterThan(0);
    expect(screen.getByText(/Mar 3[01], 2026|31 Mar 2026/)).toBeTruthy();
    const company = await screen.findByRole('link', { name: 'Acme Roofing Ltd' });
    expect(company.getAttribute('href')).toBe(`/companies/${companyId}`);
  });

  it('names a company the viewer may not open without a link, and never requests it', async () => {
    const { api } = setup({
      [`GET ${path}`]: envelope({
        ...deal,
        parties: { company: { id: companyId, name: 'Acme Roofing Ltd', canOpen: false }, contact: null },
      }),
    });
    expect(await screen.findByText('Acme Roofing Ltd')).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Acme Roofing Ltd' })).toBeNull();
    expect(api.calls(`GET /api/v1/companies/${companyId}`)).toHaveLength(0);
  });

  it('marks it won (with the version read) from the page', async () => {
    const { api } = setup({
      [`POST ${path}/won`]: envelope({ ...deal, stageId: stageIds[2], status: 'won' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark as won' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark deal as won' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as won' }));
    await waitFor(() => expect(api.calls(`POST ${path}/won`)).toHaveLength(1));
    expect(api.calls(`POST ${path}/won`)[0]?.body).toEqual({ version: 6 });
  });

  it('asks why before marking it lost, and says why a refused move failed', async () => {
    const { api } = setup({
      [`POST ${path}/lost`]: errorResponse('CONFLICT', 409, {
        message: 'The deal was changed by someone else.',
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Mark as lost' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark deal as lost' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    expect(await within(dialog).findByText('Say why the deal was lost')).toBeTruthy();
    expect(api.calls(`POST ${path}/lost`)).toHaveLength(0);
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Went with a rival' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    await waitFor(() =>
      expect(api.calls(`POST ${path}/lost`)[0]?.body).toEqual({ reason: 'Went with a rival', version: 6 }),
    );
    expect(
      await screen.findByText(/“Deal 3” was not changed: The deal was changed by someone else/),
    ).toBeTruthy();
  });

  it('moves it to another open stage from the "Move to…" menu', async () => {
    const { api } = setup({ [`POST ${path}/stage`]: envelope({ ...deal, stageId: stageIds[0] }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Move to stage' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Qualification (10%)' }));
    await waitFor(() =>
      expect(api.calls(`POST ${path}/stage`)[0]?.body).toEqual({ stageId: stageIds[0], version: 6 }),
    );
  });

  it('edits with the version read (amount typed in currency units) and archives after confirming', async () => {
    const { api } = setup({
      [`PATCH ${path}`]: envelope({ ...deal, version: 7 }),
      [`POST ${path}/archive`]: envelope({ ...deal, archivedAt: '2026-01-06T10:00:00.000Z' }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit deal' });
    fireEvent.change(within(dialog).getByLabelText('Amount'), { target: { value: '1,250.50' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.calls(`PATCH ${path}`)).toHaveLength(1));
    expect(api.calls(`PATCH ${path}`)[0]?.body).toMatchObject({
      title: 'Deal 3',
      amountCents: 125050,
      expectedCloseDate: '2026-03-31',
      tags: ['roof'],
      version: 6,
    });
    fireEvent.click(screen.getByRole('button', { name: 'Archive' }));
    fireEvent.click(
      within(screen.getByRole('dialog', { name: 'Archive deal' })).getByRole('button', { name: 'Archive' }),
    );
    await waitFor(() => expect(api.calls(`POST ${path}/archive`)).toHaveLength(1));
  });

  it('offers no changes without deals.update and says when the deal does not exist', async () => {
    setup({}, makeMe(['deals.view']));
    expect(await screen.findByRole('heading', { level: 1, name: 'Deal 3' })).toBeTruthy();
    for (const name of ['Mark as won', 'Mark as lost', 'Edit', 'Archive'])
      expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('a missing deal is a "does not exist" page', async () => {
    setup({ [`GET ${path}`]: errorResponse('NOT_FOUND', 404) });
    expect(await screen.findByText('This deal does not exist')).toBeTruthy();
  });
});
