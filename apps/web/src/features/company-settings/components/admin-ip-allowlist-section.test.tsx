import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { AdminIpAllowlistSection, parseAddressLines } from './admin-ip-allowlist-section';

const PATH = 'PUT /api/v1/settings/admin-ip-allowlist';

describe('admin access by network address', () => {
  it('splits lines, commas and spaces into entries', () => {
    expect(parseAddressLines(' 203.0.113.7\n\n10.0.0.0/8, 2001:db8::/32  ')).toEqual([
      '203.0.113.7',
      '10.0.0.0/8',
      '2001:db8::/32',
    ]);
  });

  it('shows the server refusing a list that would lock the admin out, and adds their address on request', async () => {
    let lockedOut = true;
    const api = stubApi({
      'GET /api/v1/settings/admin-ip-allowlist': () =>
        envelope({ addresses: [], yourAddress: '192.0.2.10', version: 4 }),
      [PATH]: () =>
        lockedOut
          ? errorResponse('VALIDATION_ERROR', 400, {
              message: 'Your own address (192.0.2.10) is not on the list: saving it would lock you out.',
            })
          : envelope({ addresses: ['198.51.100.0/24', '192.0.2.10'], yourAddress: '192.0.2.10', version: 5 }),
    });
    renderWithProviders(<AdminIpAllowlistSection />, { path: '/settings/company', me: makeMe() });
    const field = await screen.findByLabelText('Allowed addresses and ranges');
    expect(screen.getByText(/Your address: 192\.0\.2\.10/)).toBeTruthy();
    fireEvent.change(field, { target: { value: '198.51.100.0/24' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save address list' }));
    expect(await screen.findByText(/would lock you out/)).toBeTruthy();

    lockedOut = false;
    fireEvent.click(screen.getByRole('button', { name: 'Add my address' }));
    expect((field as HTMLTextAreaElement).value).toBe('198.51.100.0/24\n192.0.2.10');
    fireEvent.click(screen.getByRole('button', { name: 'Save address list' }));
    expect(await screen.findByText('Address list saved.')).toBeTruthy();
    expect(api.calls(PATH).map((c) => c.body)).toEqual([
      { addresses: ['198.51.100.0/24'], version: 4 },
      { addresses: ['198.51.100.0/24', '192.0.2.10'], version: 4 },
    ]);
  });
});
