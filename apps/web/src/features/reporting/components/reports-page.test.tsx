import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { ReportsPage } from './reports-page';

const KPIS = [
  { name: 'lead-funnel', title: 'Lead funnel', description: 'Leads by status.', filters: ['source'] },
  { name: 'win-rate', title: 'Win rate', description: 'Won ÷ closed.', filters: [] },
];
const subscription = (over: Record<string, unknown> = {}) => ({
  id: '01900000-0000-7000-8000-000000000001',
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  createdBy: '01900000-0000-7000-8000-000000000009',
  version: 1,
  archivedAt: null,
  userId: '01900000-0000-7000-8000-000000000009',
  kpi: 'win-rate',
  title: 'Win rate',
  query: { grouping: 'month' },
  frequency: 'monthly',
  weekday: null,
  active: true,
  pausedReason: null,
  nextRunAt: '2027-01-01T05:00:00.000Z',
  lastSentPeriod: null,
  ...over,
});

describe('ReportsPage', () => {
  it('subscribes to a KPI weekly on the chosen weekday and lists my report e-mails', async () => {
    const api = stubApi({
      'GET /api/v1/reports/kpis': envelope(KPIS),
      'GET /api/v1/report-subscriptions': envelope([subscription()]),
      'POST /api/v1/report-subscriptions': envelope(
        subscription({ kpi: 'lead-funnel', title: 'Lead funnel' }),
        201,
      ),
    });
    renderWithProviders(<ReportsPage />, { me: makeMe() });
    const list = await screen.findByRole('region', { name: 'My report e-mails' });
    expect(await within(list).findByText('Win rate')).toBeTruthy();
    expect(within(list).getByText(/Monthly on day 1/)).toBeTruthy();
    const funnel = screen.getByRole('region', { name: 'Lead funnel' });
    fireEvent.change(within(funnel).getByLabelText('Lead funnel: how often'), {
      target: { value: 'weekly-5' },
    });
    fireEvent.click(within(funnel).getByRole('button', { name: 'E-mail me this report' }));
    expect(await within(funnel).findByText('Subscribed.')).toBeTruthy();
    expect(api.calls('POST /api/v1/report-subscriptions')[0]?.body).toEqual({
      kpi: 'lead-funnel',
      frequency: 'weekly',
      weekday: 5,
    });
  });

  it('resumes one the job paused and shows why; empty states', async () => {
    const api = stubApi({
      'GET /api/v1/reports/kpis': envelope(KPIS),
      'GET /api/v1/report-subscriptions': envelope([
        subscription({ active: false, pausedReason: 'You no longer have the permission deals.view' }),
      ]),
      'PATCH /api/v1/report-subscriptions/01900000-0000-7000-8000-000000000001': envelope(subscription()),
    });
    const { unmount } = renderWithProviders(<ReportsPage />, { me: makeMe() });
    expect(await screen.findByText('You no longer have the permission deals.view')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    await expect
      .poll(
        () => api.calls('PATCH /api/v1/report-subscriptions/01900000-0000-7000-8000-000000000001')[0]?.body,
      )
      .toEqual({ active: true, version: 1 });
    unmount();

    stubApi({
      'GET /api/v1/reports/kpis': envelope([]),
      'GET /api/v1/report-subscriptions': envelope([]),
    });
    const second = renderWithProviders(<ReportsPage />, { me: makeMe() });
    expect(await screen.findByText(/No report e-mails yet/)).toBeTruthy();
    expect(await screen.findByText('No reports for you')).toBeTruthy();
    second.unmount();
  });

  it('error states (no retry storm: 403s)', async () => {
    stubApi({
      'GET /api/v1/reports/kpis': errorResponse('FORBIDDEN', 403),
      'GET /api/v1/report-subscriptions': errorResponse('FORBIDDEN', 403),
    });
    renderWithProviders(<ReportsPage />, { me: makeMe() });
    expect((await screen.findAllByRole('alert')).length).toBeGreaterThan(0);
  });

  it('without reports.export: no e-mail controls, a note instead', async () => {
    stubApi({ 'GET /api/v1/reports/kpis': envelope(KPIS) });
    renderWithProviders(<ReportsPage />, { me: makeMe(['reports.view', 'leads.view']) });
    expect(await screen.findByText('Lead funnel')).toBeTruthy();
    expect(screen.getByText(/need the "Export reports" permission/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'E-mail me this report' })).toBeNull();
    expect(screen.queryByRole('region', { name: 'My report e-mails' })).toBeNull();
  });
});
