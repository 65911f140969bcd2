import type { ImportJob } from '@tessera/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { uid } from '../../../test/crm-fixtures';
import { envelope, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ImportButton } from './import-button';

const job = (id: string, dryRun: boolean, status: ImportJob['status']): ImportJob => ({
  id,
  entity: 'leads',
  status,
  dryRun,
  duplicates: 'skip',
  fileName: 'leads.csv',
  total: 2,
  processed: status === 'completed' ? 2 : 1,
  created: 1,
  updated: 0,
  skipped: 0,
  errors: [{ row: 3, field: 'email', message: 'Enter a valid e-mail address' }],
  errorCount: 1,
  mode: 'partial',
  mapping: {},
  createdAt: '2026-01-01T00:00:00.000Z',
  finishedAt: null,
  failureMessage: null,
});

describe('import wizard', () => {
  it('maps the header in the browser, checks the file (dry run), then imports and follows the progress', async () => {
    const dryId = uid(6, 1);
    const realId = uid(6, 2);
    let polls = 0;
    const api = stubApi({
      'POST /api/v1/leads/import': (request) =>
        envelope({ id: request.url.searchParams.get('dryRun') === 'true' ? dryId : realId }, 202),
      [`GET /api/v1/imports/${dryId}`]: envelope(job(dryId, true, 'completed')),
      [`GET /api/v1/imports/${realId}`]: () =>
        envelope(job(realId, false, ++polls > 1 ? 'completed' : 'running')),
    });
    renderWithProviders(<ImportButton entity="leads" />, { me: makeMe() });
    fireEvent.click(screen.getByRole('button', { name: 'Import CSV' }));
    const dialog = screen.getByRole('dialog', { name: 'Import leads' });
    const csv = 'first_name,Last name,E-mail,Notes\nAda,Lovelace,ada@example.com,x\nBad,Row,nope,y\n';
    const file = new File([csv], 'leads.csv', { type: 'text/csv' });
    fireEvent.change(within(dialog).getByLabelText('CSV file'), { target: { files: [file] } });

    const notes = await within(dialog).findByRole('combobox', { name: 'Field for column Notes' });
    expect((notes as HTMLSelectElement).value).toBe('');
    expect(
      (within(dialog).getByRole('combobox', { name: 'Field for column first_name' }) as HTMLSelectElement)
        .value,
    ).toBe('firstName');
    expect(within(dialog).getByRole('button', { name: 'Start import' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(within(dialog).getByRole('button', { name: 'Check file' }));
    const report = await within(dialog).findByTestId('dry-run-report');
    expect(report.textContent).toContain('1 would be created');
    expect(report.textContent).toContain('Enter a valid e-mail address');
    const [dry] = api.calls('POST /api/v1/leads/import');
    expect(dry?.url.searchParams.get('duplicates')).toBe('skip');
    const form = api.fetch.mock.calls.find(([url]) => String(url).includes('/leads/import'))?.[1]
      ?.body as FormData;
    expect(JSON.parse(String(form.get('mapping')))).toEqual({
      first_name: 'firstName',
      'Last name': 'lastName',
      'E-mail': 'email',
      Notes: '',
    });
    expect((form.get('file') as File).name).toBe('leads.csv');

    fireEvent.click(within(dialog).getByRole('button', { name: 'Start import' }));
    expect(await within(dialog).findByRole('progressbar', { name: 'Import progress' })).toBeTruthy();
    await waitFor(
      () => expect(within(dialog).getByTestId('import-report').textContent).toContain('1 created'),
      {
        timeout: 3_000,
      },
    );
    expect(api.calls('POST /api/v1/leads/import')[1]?.url.searchParams.get('dryRun')).toBe('false');
  });
});
