import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listBody, makeContact, makeDeal, stageIds, uid } from '../../../test/crm-fixtures';
import { envelope, jsonResponse, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { renderApp } from '../../../test/render-app';
import { NewJobButton } from './job-form';

const at = '2026-12-05T10:00:00.000Z';
const companyId = uid(5, 1);
const contactId = uid(6, 1);
const dealId = uid(3, 1);
const record = { createdAt: at, updatedAt: at, createdBy: null, version: 1, archivedAt: null };
// A company beyond the picker's first page: the form still names it.
const company = {
  ...record,
  id: companyId,
  name: 'Harbour Holdings',
  domain: null,
  industry: null,
  email: null,
  phone: null,
  website: null,
  city: null,
  country: null,
  ownerId: null,
  tags: [],
};

describe('"New job" for a customer', () => {
  it('fills in the company, contact and deal it is made for and sends them', async () => {
    const api = stubApi({
      'GET /api/v1/companies': jsonResponse(listBody([])),
      'GET /api/v1/contacts': jsonResponse(listBody([])),
      [`GET /api/v1/companies/${companyId}`]: envelope(company),
      [`GET /api/v1/contacts/${contactId}`]: envelope(
        makeContact(1, { firstName: 'Nell', lastName: 'Harbour', companyId }),
      ),
      'POST /api/v1/jobs': () => new Response('{}', { status: 500 }),
    });
    renderWithProviders(<NewJobButton preset={{ companyId, contactId, dealId }} />, { me: makeMe() });
    fireEvent.click(screen.getByRole('button', { name: 'New job' }));
    const dialog = await screen.findByRole('dialog', { name: 'New job' });
    // The company field searches as you type; it shows the preset company's name.
    await waitFor(() =>
      expect((within(dialog).getByLabelText('Customer company') as HTMLInputElement).value).toBe(
        'Harbour Holdings',
      ),
    );
    // So does the contact field, with the preset contact's name.
    await waitFor(() =>
      expect((within(dialog).getByLabelText('Customer contact') as HTMLInputElement).value).toBe(
        'Nell Harbour',
      ),
    );
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: 'Inspect the pump' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create job' }));
    await waitFor(() => expect(api.calls('POST /api/v1/jobs')).toHaveLength(1));
    expect(api.calls('POST /api/v1/jobs')[0]?.body).toMatchObject({
      title: 'Inspect the pump',
      kind: 'job',
      companyId,
      contactId,
      dealId,
    });
    // The API's failure is shown in the form, which stays open.
    expect(await within(dialog).findByText('This was not saved')).toBeTruthy();
  });

  it('from a deal: the deal’s company and contact are filled in as well', async () => {
    const api = stubApi({
      'GET /api/v1/companies': jsonResponse(listBody([])),
      'GET /api/v1/contacts': jsonResponse(listBody([])),
      [`GET /api/v1/companies/${companyId}`]: envelope(company),
      [`GET /api/v1/deals/${dealId}`]: envelope(
        makeDeal(1, stageIds[0], { id: dealId, companyId, contactId }),
      ),
      'POST /api/v1/jobs': () => new Response('{}', { status: 500 }),
    });
    renderWithProviders(<NewJobButton preset={{ dealId }} />, { me: makeMe() });
    fireEvent.click(screen.getByRole('button', { name: 'New job' }));
    // A moment of loading (the deal's parties), then the form.
    await screen.findByLabelText('Customer company');
    const dialog = screen.getByRole('dialog', { name: 'New job' });
    await waitFor(() =>
      expect((within(dialog).getByLabelText('Customer company') as HTMLInputElement).value).toBe(
        'Harbour Holdings',
      ),
    );
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: 'Survey' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create job' }));
    await waitFor(() => expect(api.calls('POST /api/v1/jobs')).toHaveLength(1));
    expect(api.calls('POST /api/v1/jobs')[0]?.body).toMatchObject({ companyId, contactId, dealId });
  });

  it('is not offered without jobs.manage', () => {
    stubApi({});
    renderWithProviders(<NewJobButton preset={{ companyId }} />, { me: makeMe(['jobs.view']) });
    expect(screen.queryByRole('button', { name: 'New job' })).toBeNull();
  });

  it('is on a company page for members who may create jobs', async () => {
    const api = {
      [`GET /api/v1/companies/${companyId}`]: envelope(company),
      [`GET /api/v1/companies/${companyId}/timeline`]: jsonResponse(listBody([])),
    };
    const { unmount } = renderApp(`/companies/${companyId}`, { api });
    expect(await screen.findByRole('heading', { level: 1, name: 'Harbour Holdings' })).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'New job' })).toBeTruthy();
    unmount();
    renderApp(`/companies/${companyId}`, {
      me: makeMe(['companies.view', 'jobs.view']),
      api,
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Harbour Holdings' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New job' })).toBeNull();
  });
});
