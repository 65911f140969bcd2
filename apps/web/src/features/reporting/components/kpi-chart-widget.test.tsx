import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse, stubApi } from '../../../test/fake-fetch';
import { renderWithProviders } from '../../../test/render';
import { KpiChartWidget } from './kpi-chart-widget';

const funnel = (rows: Record<string, string | number | null>[], drillDown: string | null = '/leads') => ({
  kpi: 'lead-funnel',
  title: 'Lead funnel',
  period: { from: '2025-12-06', to: '2026-12-05', grouping: 'month', timezone: 'UTC' },
  columns: [
    { key: 'status', label: 'Status', kind: 'text' },
    { key: 'reached', label: 'Reached', kind: 'number' },
  ],
  rows,
  totals: { status: null, reached: null },
  moneyHidden: false,
  drillDown,
});

const widget = {
  title: 'Lead funnel',
  dataSource: 'kpi:lead-funnel',
  refreshSeconds: 0,
  options: { measure: 'reached', drillParam: 'status' },
};

describe('KpiChartWidget', () => {
  it('names the chart by its figures; "Table" shows them with drill-down links', async () => {
    const api = stubApi({
      'GET /api/v1/reports/kpis/lead-funnel': envelope(
        funnel([
          { status: 'new', reached: 4 },
          { status: 'won', reached: 1 },
          { status: 'lost', reached: null },
        ]),
      ),
    });
    renderWithProviders(<KpiChartWidget kind="funnel" {...widget} />);
    expect(await screen.findByRole('img', { name: 'Lead funnel (Reached): New 4, Won 1' })).toBeTruthy();
    expect(api.requests[0]?.url.searchParams.get('grouping')).toBe('month');
    fireEvent.click(screen.getByRole('button', { name: 'Table' }));
    const table = screen.getByTestId('chart-table');
    expect(within(table).getByRole('link', { name: 'New' }).getAttribute('href')).toBe('/leads?status=new');
    expect(within(table).getByRole('link', { name: 'Won' }).getAttribute('href')).toBe('/leads?status=won');
    expect(within(table).queryByText('Lost')).toBeNull();
    expect(screen.getByRole('link', { name: 'Open list' }).getAttribute('href')).toBe('/leads');
  });

  it('empty and error states', async () => {
    stubApi({ 'GET /api/v1/reports/kpis/lead-funnel': envelope(funnel([{ status: 'new', reached: 0 }])) });
    const { unmount } = renderWithProviders(<KpiChartWidget kind="bar" {...widget} />);
    expect(await screen.findByText('No data in this period.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Table' })).toBeNull();
    unmount();
    stubApi({ 'GET /api/v1/reports/kpis/lead-funnel': errorResponse('FORBIDDEN', 403) });
    renderWithProviders(<KpiChartWidget kind="bar" {...widget} />);
    expect(await screen.findByText('Not available')).toBeTruthy();
  });
});
