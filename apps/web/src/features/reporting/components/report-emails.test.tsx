import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { EmailMeControl, MyReportEmails } from './report-emails';

const FUNNEL = {
  name: 'lead-funnel',
  title: 'Lead funnel',
  description: 'Leads by status.',
  module: 'crm',
  filters: ['source', 'ownerId'] as ('source' | 'ownerId')[],
  grouped: false,
  period: 'range' as const,
  money: false,
};
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

describe('report e-mails', () => {
  it('subscribes to the report weekly on the chosen weekday, with the page’s filters but not its period', async () => {
    const api = stubApi({
      'POST /api/v1/report-subscriptions': envelope(
        subscription({ kpi: 'lead-funnel', title: 'Lead funnel' }),
        201,
      ),
    });
    renderWithProviders(
      <EmailMeControl kpi={FUNNEL} query={{ from: '2026-11-01', to: '2026-11-30', source: 'website' }} />,
      { me: makeMe() },
    );
    fireEvent.change(screen.getByLabelText('Lead funnel: how often'), { target: { value: 'weekly-5' } });
    fireEvent.click(screen.getByRole('button', { name: 'E-mail me this report' }));
    expect(await screen.findByText(/Subscribed/)).toBeTruthy();
    expect(api.calls('POST /api/v1/report-subscriptions')[0]?.body).toEqual({
      kpi: 'lead-funnel',
      query: { source: 'website' },
      frequency: 'weekly',
      weekday: 5,
    });
  });

  it('lists my report e-mails; resumes one the job paused and shows why', async () => {
    const api = stubApi({
      'GET /api/v1/report-subscriptions': envelope([
        subscription(),
        subscription({
          id: '01900000-0000-7000-8000-000000000002',
          active: false,
          pausedReason: 'You no longer have the permission deals.view',
        }),
      ]),
      'PATCH /api/v1/report-subscriptions/01900000-0000-7000-8000-000000000002': envelope(subscription()),
    });
    renderWithProviders(<MyReportEmails />, { me: makeMe() });
    const list = await screen.findByRole('region', { name: 'My report e-mails' });
    expect(await within(list).findByText('You no longer have the permission deals.view')).toBeTruthy();
    expect(within(list).getByText(/Monthly on day 1 · next/)).toBeTruthy();
    fireEvent.click(within(list).getByRole('button', { name: 'Resume' }));
    await expect
      .poll(
        () => api.calls('PATCH /api/v1/report-subscriptions/01900000-0000-7000-8000-000000000002')[0]?.body,
      )
      .toEqual({ active: true, version: 1 });
  });

  it('empty and error states', async () => {
    stubApi({ 'GET /api/v1/report-subscriptions': envelope([]) });
    const first = renderWithProviders(<MyReportEmails />, { me: makeMe() });
    expect(await screen.findByText(/No report e-mails yet/)).toBeTruthy();
    first.unmount();
    stubApi({ 'GET /api/v1/report-subscriptions': errorResponse('FORBIDDEN', 403) });
    renderWithProviders(<MyReportEmails />, { me: makeMe() });
    expect((await screen.findAllByRole('alert')).length).toBeGreaterThan(0);
  });
});
