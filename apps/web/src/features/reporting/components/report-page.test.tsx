import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const list = [
  {
    name: 'lead-funnel',
    title: 'Lead funnel',
    description: 'Leads by status.',
    module: 'crm',
    filters: ['ownerId', 'teamId', 'source'],
    grouped: false,
    period: 'range',
    money: false,
  },
  {
    name: 'ar-summary',
    title: 'Accounts receivable by month',
    description: 'Invoiced, paid and credited.',
    module: 'sales',
    filters: ['ownerId', 'teamId'],
    grouped: true,
    period: 'range',
    money: true,
  },
];

const ar = (invoiced: number | null, moneyHidden = false) => ({
  kpi: 'ar-summary',
  title: 'Accounts receivable by month',
  period: { from: '2026-01-01', to: '2026-01-31', grouping: 'month', timezone: 'Europe/Berlin' },
  columns: [
    { key: 'period', label: 'Period', kind: 'date' },
    { key: 'invoices', label: 'Invoices', kind: 'number' },
    { key: 'invoicedCents', label: 'Invoiced', kind: 'money' },
  ],
  rows: [{ period: '2026-01-01', invoices: 3, invoicedCents: invoiced }],
  totals: { period: null, invoices: 3, invoicedCents: invoiced },
  moneyHidden,
  drillDown: '/invoices',
});

describe('reports', () => {
  it('lists the reports by module, each opening its page', async () => {
    renderApp('/reports', { api: { 'GET /api/v1/reports/kpis': envelope(list) } });
    const reports = within(await screen.findByTestId('report-list'));
    expect(reports.getAllByRole('heading').map((h) => h.textContent)).toEqual(['CRM', 'Sales']);
    expect(reports.getByRole('link', { name: /Lead funnel/ }).getAttribute('href')).toBe(
      '/reports/lead-funnel',
    );
  });

  it('runs a report with the URL query: table with totals, grouping, filters only the KPI takes', async () => {
    const { api, router } = renderApp(
      '/reports/ar-summary?period=custom&from=2026-01-01&to=2026-01-31&source=x',
      {
        api: {
          'GET /api/v1/reports/kpis': envelope(list),
          'GET /api/v1/reports/kpis/ar-summary': envelope(ar(125_00)),
        },
      },
    );
    const table = await screen.findByTestId('report-table');
    expect(within(table).getByTestId('report-totals').textContent).toContain('Total');
    expect(within(table).getByRole('columnheader', { name: 'Invoiced' })).toBeTruthy();
    const asked = api.requests.find((r) => r.path === '/api/v1/reports/kpis/ar-summary');
    expect(Object.fromEntries(asked?.url.searchParams ?? [])).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      grouping: 'month',
    });
    fireEvent.change(screen.getByLabelText('Group by'), { target: { value: 'week' } });
    await waitFor(() => expect(router.state.location.search).toContain('grouping=week'));
    await waitFor(() =>
      expect(api.requests.some((r) => r.url.searchParams.get('grouping') === 'week')).toBe(true),
    );
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Open list' }).getAttribute('href')).toBe('/invoices');
  });

  it('leaves out hidden money columns and the download without reports.export', async () => {
    renderApp('/reports/ar-summary', {
      me: makeMe(['reports.view', 'invoices.view']),
      api: {
        'GET /api/v1/reports/kpis': envelope(list),
        'GET /api/v1/reports/kpis/ar-summary': envelope(ar(null, true)),
      },
    });
    const table = await screen.findByTestId('report-table');
    expect(within(table).queryByRole('columnheader', { name: 'Invoiced' })).toBeNull();
    expect(screen.getByText('Amounts are hidden for your role.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Download CSV' })).toBeNull();
  });

  it('refuses a backwards custom period without running the report', async () => {
    const { api } = renderApp('/reports/ar-summary?period=custom&from=2026-02-01&to=2026-01-01', {
      api: {
        'GET /api/v1/reports/kpis': envelope(list),
        'GET /api/v1/reports/kpis/ar-summary': errorResponse('INTERNAL', 500),
      },
    });
    expect(await screen.findAllByText('The period ends before it starts.')).not.toHaveLength(0);
    expect(screen.queryByTestId('report-table')).toBeNull();
    expect(api.requests.some((r) => r.path === '/api/v1/reports/kpis/ar-summary')).toBe(false);
  });

  it('says so when the report is not one the member may run', async () => {
    renderApp('/reports/invoice-ageing', { api: { 'GET /api/v1/reports/kpis': envelope(list) } });
    expect(await screen.findByRole('heading', { name: 'Report not available' })).toBeTruthy();
  });

  it('shows the error of a failing report with a retry', async () => {
    renderApp('/reports/lead-funnel', {
      api: {
        'GET /api/v1/reports/kpis': envelope(list),
        'GET /api/v1/reports/kpis/lead-funnel': errorResponse('FORBIDDEN', 403),
      },
    });
    expect(await screen.findByText('Could not run the report')).toBeTruthy();
  });
});
