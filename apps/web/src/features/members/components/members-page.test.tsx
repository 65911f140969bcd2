import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse, stubApi } from '../../../test/fake-fetch';
import { ids, makeMe, makeMember } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { MembersPage } from './members-page';

const roles = [
  { id: ids.role, name: 'Owner' },
  { id: ids.otherRole, name: 'Sales agent' },
];
const member = makeMember(1);

function setup(permissions: Parameters<typeof makeMe>[0], extra = {}) {
  const api = stubApi({
    'GET /api/v1/members': envelope([makeMember(0), member]),
    'GET /api/v1/invitations': envelope([]),
    ...extra,
  });
  renderWithProviders(<MembersPage roles={roles} />, { path: '/settings/members', me: makeMe(permissions) });
  return api;
}

describe('members', () => {
  it('lists members read-only without members.manage', async () => {
    setup(['members.view']);
    const table = await screen.findByRole('table', { name: 'Members' });
    await within(table).findByText('Member 1');
    expect(within(table).getByText('Sales agent')).toBeTruthy();
    expect(screen.queryByRole('combobox', { name: 'Role of Member 1' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Invite member' })).toBeNull();
  });

  it('changes a role with the version read, and explains a 409 conflict', async () => {
    const api = setup(['members.view', 'members.manage'], {
      [`PATCH /api/v1/members/${member.id}`]: errorResponse('CONFLICT', 409),
    });
    const select = await screen.findByRole('combobox', { name: 'Role of Member 1' });
    fireEvent.change(select, { target: { value: ids.role } });
    expect(await screen.findByText('The member was changed by someone else')).toBeTruthy();
    expect(api.calls(`PATCH /api/v1/members/${member.id}`)[0]?.body).toEqual({
      roleId: ids.role,
      version: 3,
    });
    const gets = api.calls('GET /api/v1/members').length;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(api.calls('GET /api/v1/members').length).toBeGreaterThan(gets));
  });

  it('invites by e-mail and role', async () => {
    const api = setup(['members.view', 'members.manage'], { 'POST /api/v1/invitations': envelope({}, 201) });
    fireEvent.click(await screen.findByRole('button', { name: 'Invite member' }));
    const dialog = screen.getByRole('dialog', { name: 'Invite member' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    expect(await within(dialog).findByText('Enter a valid e-mail address')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'new@example.com' } });
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: ids.otherRole } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    expect(await within(dialog).findByText(/Invitation sent to new@example.com/)).toBeTruthy();
    expect(api.calls('POST /api/v1/invitations')[0]?.body).toEqual({
      email: 'new@example.com',
      roleId: ids.otherRole,
    });
  });

  it('imports a CSV file as text/csv and shows the per-row report', async () => {
    const csv = 'email,name,role\nbob@example.com,Bob,Sales agent\nbad,Bad,Nope\n';
    const report = {
      total: 2,
      invited: 1,
      skipped: 0,
      errors: 1,
      rows: [
        { row: 2, email: 'bob@example.com', status: 'invited' },
        { row: 3, email: 'bad', status: 'error', message: 'Invalid e-mail' },
      ],
    };
    const api = setup(['members.view', 'members.manage'], {
      'POST /api/v1/members/import': envelope(report),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Import CSV' }));
    const dialog = screen.getByRole('dialog', { name: 'Import members from CSV' });
    const file = new File([csv], 'people.csv', { type: 'text/csv' });
    fireEvent.change(within(dialog).getByLabelText('CSV file'), { target: { files: [file] } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import' }));
    expect(await within(dialog).findByText('Invalid e-mail')).toBeTruthy();
    expect(within(dialog).getByTestId('import-report').textContent).toContain('1 invited');
    const [request] = api.calls('POST /api/v1/members/import');
    expect(request?.headers.get('content-type')).toBe('text/csv');
    expect(request?.body).toBe(csv);
  });
});
