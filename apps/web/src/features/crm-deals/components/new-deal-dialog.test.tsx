import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listBody, makeContact, makeDeal, pipeline, stageIds, uid } from '../../../test/crm-fixtures';
import { envelope, jsonResponse, stubApi } from '../../../test/fake-fetch';
import { ids, makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { NewDealButton } from './new-deal-dialog';

const companyId = uid(5, 1);
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
const created = makeDeal(5, stageIds[0], { companyId });
const owners = [{ value: ids.user, label: 'Me (Ada Admin)' }];

function setup(preset = {}, me = makeMe()) {
  const api = stubApi({
    'GET /api/v1/pipelines': jsonResponse(listBody([pipeline])),
    'GET /api/v1/companies': jsonResponse(listBody([company])),
    'GET /api/v1/contacts': jsonResponse(listBody([])),
    'POST /api/v1/deals': envelope(created, 201),
  });
  renderWithProviders(<NewDealButton preset={preset} owners={owners} myId={ids.user} />, {
    path: '/companies/x',
    me,
  });
  fireEvent.click(screen.getByRole('button', { name: 'New deal' }));
  return api;
}

describe('new deal dialog', () => {
  it('starts with the company chosen (from its page), sends cents, the default pipeline and its first stage', async () => {
    const api = setup({ companyId });
    const dialog = await screen.findByRole('dialog', { name: 'New deal' });
    await waitFor(() =>
      // The company field searches as you type; it shows the chosen company's name.
      expect((within(dialog).getByLabelText('Company') as HTMLInputElement).value).toBe('Acme Roofing Ltd'),
    );
    expect(within(dialog).getByText('In Sales')).toBeTruthy();
    const stages = within(within(dialog).getByLabelText('Stage')).getAllByRole('option');
    expect(stages.map((option) => option.textContent)).toEqual(['Qualification (10%)', 'Proposal (50%)']);
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: 'New roof' } });
    fireEvent.change(within(dialog).getByLabelText('Amount'), { target: { value: '2,500' } });
    fireEvent.change(within(dialog).getByLabelText('Expected close'), { target: { value: '2026-06-30' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create deal' }));
    await waitFor(() => expect(api.calls('POST /api/v1/deals')).toHaveLength(1));
    expect(api.calls('POST /api/v1/deals')[0]?.body).toEqual({
      title: 'New roof',
      amountCents: 250000,
      currency: 'USD',
      pipelineId: pipeline.id,
      stageId: stageIds[0],
      expectedCloseDate: '2026-06-30',
      ownerId: ids.user,
      companyId,
      tags: [],
    });
    expect(await screen.findByTestId('navigated-to')).toBeTruthy();
  });

  it('finds any company by typing, not only the first page of them', async () => {
    const far = { ...company, id: uid(5, 7), name: 'Zephyr Solar' };
    const api = stubApi({
      'GET /api/v1/pipelines': jsonResponse(listBody([pipeline])),
      // The first page by name holds only Acme; Zephyr is found by its name.
      'GET /api/v1/companies': (request) =>
        jsonResponse(listBody(request.url.searchParams.get('q') ? [far] : [company])),
      'GET /api/v1/contacts': jsonResponse(listBody([])),
      'POST /api/v1/deals': envelope(created, 201),
    });
    renderWithProviders(<NewDealButton preset={{}} owners={owners} myId={ids.user} />, { me: makeMe() });
    fireEvent.click(screen.getByRole('button', { name: 'New deal' }));
    const dialog = await screen.findByRole('dialog', { name: 'New deal' });
    const field = await within(dialog).findByLabelText('Company');
    fireEvent.focus(field);
    fireEvent.change(field, { target: { value: 'Zeph' } });
    fireEvent.click(await within(dialog).findByRole('option', { name: /Zephyr Solar/ }));
    await waitFor(() => expect((field as HTMLInputElement).value).toBe('Zephyr Solar'));
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: 'Panels' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create deal' }));
    await waitFor(() => expect(api.calls('POST /api/v1/deals')).toHaveLength(1));
    expect(api.calls('POST /api/v1/deals')[0]?.body).toMatchObject({ title: 'Panels', companyId: far.id });
  });

  it('finds any contact by typing (name, company, e-mail shown), not only the first page of them', async () => {
    const first = makeContact(1, { firstName: 'Abe', lastName: 'Able' });
    const far = makeContact(2, {
      firstName: 'Zoe',
      lastName: 'Zimmer',
      companyName: 'Zephyr Solar',
      email: 'zoe@zephyr.test',
    });
    const api = stubApi({
      'GET /api/v1/pipelines': jsonResponse(listBody([pipeline])),
      'GET /api/v1/companies': jsonResponse(listBody([company])),
      // The first page by last name holds only Abe Able; Zoe Zimmer is found by what is typed.
      'GET /api/v1/contacts': (request) =>
        jsonResponse(listBody(request.url.searchParams.get('q') === 'zim' ? [far] : [first])),
      'POST /api/v1/deals': envelope(created, 201),
    });
    renderWithProviders(<NewDealButton preset={{}} owners={owners} myId={ids.user} />, { me: makeMe() });
    fireEvent.click(screen.getByRole('button', { name: 'New deal' }));
    const dialog = await screen.findByRole('dialog', { name: 'New deal' });
    const field = await within(dialog).findByLabelText('Contact');
    fireEvent.focus(field);
    expect(await within(dialog).findByRole('option', { name: 'Abe Able' })).toBeTruthy();
    fireEvent.change(field, { target: { value: 'zim' } });
    const option = await within(dialog).findByRole('option', { name: /Zoe Zimmer/ });
    expect(option.textContent).toBe('Zoe ZimmerZephyr Solar · zoe@zephyr.test');
    expect(within(dialog).queryByRole('option', { name: 'Abe Able' })).toBeNull();
    fireEvent.click(option);
    await waitFor(() => expect((field as HTMLInputElement).value).toBe('Zoe Zimmer'));
    const searched = api.calls('GET /api/v1/contacts').map((c) => c.url.searchParams.get('q'));
    expect(searched).toContain('zim');
    fireEvent.change(within(dialog).getByLabelText('Title'), { target: { value: 'Panels' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create deal' }));
    await waitFor(() => expect(api.calls('POST /api/v1/deals')).toHaveLength(1));
    expect(api.calls('POST /api/v1/deals')[0]?.body).toMatchObject({ title: 'Panels', contactId: far.id });
  });

  it('sends nothing until the title is given', async () => {
    const api = setup();
    const dialog = await screen.findByRole('dialog', { name: 'New deal' });
    await within(dialog).findByLabelText('Title');
    fireEvent.change(within(dialog).getByLabelText('Amount'), { target: { value: '-5' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create deal' }));
    expect(await within(dialog).findByText('Title is required')).toBeTruthy();
    expect(within(dialog).getByText("Amount can't be negative")).toBeTruthy();
    expect(api.calls('POST /api/v1/deals')).toHaveLength(0);
  });

  it('leaves out the amount without fields.money.view and the company without companies.view', async () => {
    setup({}, makeMe(['deals.view', 'deals.create', 'contacts.view']));
    const dialog = await screen.findByRole('dialog', { name: 'New deal' });
    await within(dialog).findByLabelText('Title');
    expect(within(dialog).queryByLabelText('Amount')).toBeNull();
    expect(within(dialog).queryByLabelText('Company')).toBeNull();
    expect(within(dialog).getByLabelText('Contact')).toBeTruthy();
  });
});
