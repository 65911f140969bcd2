import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listBody, makeLead } from '../../../test/crm-fixtures';
import { envelope, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { makeMe, makeMember } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const lead = makeLead(7, { version: 3, status: 'in_progress' });
const path = `/api/v1/leads/${lead.id}`;

function setup(extra = {}, me = makeMe()) {
  return renderApp(`/leads/${lead.id}`, {
    me,
    api: {
      [`GET ${path}`]: envelope(lead),
      [`GET ${path}/timeline`]: jsonResponse(listBody([])),
      'GET /api/v1/members': envelope([makeMember(0)]),
      'GET /api/v1/pipelines': jsonResponse(listBody([])),
      ...extra,
    },
  });
}

describe('lead detail', () => {
  it('shows the header and offers only the allowed status moves', async () => {
    setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'Lead Number7' })).toBeTruthy();
    expect(screen.getByTestId('lead-status').textContent).toBe('In progress');
    expect(screen.getByText('Value: $700.00')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Change status' }));
    const dialog = screen.getByRole('dialog', { name: 'Change status' });
    const options = within(within(dialog).getByLabelText('New status'))
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual(['Qualified', 'Lost', 'New']);
  });

  it('hides money without fields.money.view and actions without leads.update', async () => {
    setup({ [`GET ${path}`]: envelope({ ...lead, estimatedValueCents: undefined }) }, makeMe(['leads.view']));
    expect(await screen.findByText('Value: —')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Convert' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Log a call' })).toBeNull();
  });

  it('logs a call on the lead', async () => {
    const { api } = setup({ 'POST /api/v1/activities': envelope({}, 201) });
    fireEvent.click(await screen.findByRole('button', { name: 'Log a call' }));
    const dialog = screen.getByRole('dialog', { name: 'Log a call' });
    fireEvent.change(within(dialog).getByLabelText('Subject'), { target: { value: 'Intro call' } });
    fireEvent.change(within(dialog).getByLabelText('Notes'), { target: { value: 'Wants a quote' } });
    fireEvent.change(within(dialog).getByLabelText('Duration (minutes)'), { target: { value: '20' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.calls('POST /api/v1/activities')).toHaveLength(1));
    expect(api.calls('POST /api/v1/activities')[0]?.body).toMatchObject({
      type: 'call',
      subject: 'Intro call',
      body: 'Wants a quote',
      durationMinutes: 20,
      related: { type: 'lead', id: lead.id },
    });
  });

  it('edits with the version read and explains a 409 with a Reload button', async () => {
    const { api } = setup({
      [`PATCH ${path}`]: errorResponse('CONFLICT', 409, { details: { current: lead } }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Edit' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit lead' });
    fireEvent.change(within(dialog).getByLabelText('Phone'), { target: { value: '+1 555' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(await within(dialog).findByText('This lead was changed by someone else')).toBeTruthy();
    expect(api.calls(`PATCH ${path}`)[0]?.body).toMatchObject({ phone: '+1 555', version: 3 });
    const gets = api.calls(`GET ${path}`).length;
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(api.calls(`GET ${path}`).length).toBeGreaterThan(gets));
  });
});
