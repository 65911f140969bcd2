import type { Job } from '@tessera/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listBody, uid } from '../../../test/crm-fixtures';
import { envelope, errorResponse, jsonResponse } from '../../../test/fake-fetch';
import { ids, makeMe, makeMember } from '../../../test/fixtures';
import { renderApp } from '../../../test/render-app';

const at = '2026-12-05T10:00:00.000Z';
const crewId = uid(7, 1);
const companyId = uid(5, 1);

function makeJob(n: number, overrides: Partial<Job> = {}): Job {
  return {
    id: uid(9, n),
    createdAt: at,
    updatedAt: at,
    createdBy: null,
    version: 3,
    archivedAt: null,
    kind: 'job',
    title: `Job ${n}`,
    type: 'Repair',
    priority: 'high',
    status: 'scheduled',
    description: null,
    companyId: null,
    contactId: null,
    dealId: null,
    customerName: 'Ada',
    customerPhone: null,
    customerEmail: null,
    siteAddress: '1 Main St',
    siteLat: null,
    siteLng: null,
    scheduledStart: '2026-12-07T09:00:00.000Z',
    scheduledEnd: '2026-12-07T10:00:00.000Z',
    estimatedMinutes: 60,
    requiredSkills: [],
    crewId: null,
    ownerId: ids.user,
    checklist: [],
    completionNotes: null,
    signatureName: null,
    completedAt: null,
    statusChangedAt: at,
    pickupAddress: null,
    pickupFrom: null,
    pickupTo: null,
    deliveryAddress: null,
    deliveryFrom: null,
    deliveryTo: null,
    weightKg: null,
    volumeM3: null,
    reference: null,
    ...overrides,
  };
}

const crew = {
  id: crewId,
  createdAt: at,
  updatedAt: at,
  createdBy: null,
  version: 1,
  archivedAt: null,
  name: 'North crew',
  leadId: null,
  memberIds: [],
  skills: ['roofing'],
  vehicle: null,
  workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
};

const base = {
  'GET /api/v1/crews': jsonResponse(listBody([crew])),
  'GET /api/v1/members': envelope([makeMember(0)]),
  'GET /api/v1/companies': jsonResponse(listBody([])),
  'GET /api/v1/contacts': jsonResponse(listBody([])),
};

function openJob(job: Job, extra = {}, me = makeMe()) {
  const path = `/api/v1/jobs/${job.id}`;
  return renderApp(`/jobs/${job.id}`, {
    me,
    api: {
      ...base,
      [`GET ${path}`]: envelope(job),
      [`GET ${path}/history`]: envelope([
        {
          id: uid(8, 1),
          jobId: job.id,
          fromStatus: null,
          toStatus: 'scheduled',
          occurredAt: at,
          recordedAt: at,
          actorUserId: ids.user,
          note: null,
        },
      ]),
      [`GET /api/v1/records/job/${job.id}/documents`]: jsonResponse(listBody([])),
      ...extra,
    },
  });
}

describe('jobs list', () => {
  it('lists jobs with status, priority and crew, sends the filters, and links each job', async () => {
    const jobs = [makeJob(1, { crewId, status: 'dispatched' }), makeJob(2)];
    const { api } = renderApp('/jobs?status=dispatched,scheduled&crewId=none&sort=scheduledStart', {
      api: { ...base, 'GET /api/v1/jobs': jsonResponse(listBody(jobs)) },
    });
    const grid = await screen.findByTestId('jobs-grid');
    const link = await within(grid).findByRole('link', { name: 'Job 1' });
    expect(link.getAttribute('href')).toBe(`/jobs/${uid(9, 1)}`);
    expect(within(grid).getByText('Dispatched')).toBeTruthy();
    expect(await within(grid).findByText('North crew')).toBeTruthy();
    expect(within(grid).getByText('Unassigned')).toBeTruthy();
    const query = api.calls('GET /api/v1/jobs').at(-1)?.url.searchParams;
    expect(query?.get('status')).toBe('dispatched,scheduled');
    expect(query?.get('crewId')).toBe('none');
    expect(query?.get('sort')).toBe('scheduledStart');
  });

  it('says when there are no jobs yet', async () => {
    renderApp('/jobs', { api: { ...base, 'GET /api/v1/jobs': jsonResponse(listBody([])) } });
    expect(await screen.findByText('No jobs yet')).toBeTruthy();
  });

  it('shows a failing list as an error', async () => {
    renderApp('/jobs', { api: { ...base, 'GET /api/v1/jobs': errorResponse('INTERNAL_ERROR', 500) } });
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('"New job" only with jobs.manage', async () => {
    renderApp('/jobs', {
      me: makeMe(['jobs.view']),
      api: { ...base, 'GET /api/v1/jobs': jsonResponse(listBody([makeJob(1)])) },
    });
    expect(await screen.findByRole('link', { name: 'Job 1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New job' })).toBeNull();
  });
});

describe('job page', () => {
  it('shows the job, its history, and only the allowed steps; a step is sent with the version', async () => {
    const job = makeJob(1, { crewId, status: 'dispatched' });
    const { api } = openJob(job, {
      [`POST /api/v1/jobs/${job.id}/status`]: envelope({ ...job, status: 'en_route', version: 4 }),
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Job 1' })).toBeTruthy();
    const history = await screen.findByTestId('job-history');
    expect(await within(history).findByText('Me', { exact: false })).toBeTruthy();
    const buttons = ['On the way', 'Back to scheduled', 'Put on hold', 'Cancel job'];
    for (const name of buttons) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Complete' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Arrived on site' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'On the way' }));
    await waitFor(() => expect(api.calls(`POST /api/v1/jobs/${job.id}/status`)).toHaveLength(1));
    expect(api.calls(`POST /api/v1/jobs/${job.id}/status`)[0]?.body).toEqual({
      status: 'en_route',
      version: 3,
    });
  });

  it('a refused step is shown and the job is read again, with the steps from where it is now', async () => {
    const job = makeJob(1, { crewId, status: 'dispatched' });
    let current = job;
    const { api } = openJob(job, {
      [`GET /api/v1/jobs/${job.id}`]: () => envelope(current),
      [`POST /api/v1/jobs/${job.id}/status`]: () => {
        current = { ...job, status: 'en_route', version: 4 };
        return errorResponse('CONFLICT', 409, { message: 'A job cannot go from en_route to scheduled' });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Back to scheduled' }));
    expect(await screen.findByText('A job cannot go from en_route to scheduled')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'Arrived on site' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Back to scheduled' })).toBeNull();
    expect(api.calls(`GET /api/v1/jobs/${job.id}`).length).toBeGreaterThan(1);
  });

  it('completing asks for the checklist, notes and signature', async () => {
    const job = makeJob(1, {
      crewId,
      status: 'on_site',
      checklist: [
        { label: 'Photos', done: false },
        { label: 'Sweep', done: false },
      ],
    });
    const { api } = openJob(job, {
      [`POST /api/v1/jobs/${job.id}/status`]: envelope({ ...job, status: 'completed', version: 4 }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Complete' }));
    const dialog = screen.getByRole('dialog', { name: 'Complete' });
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Sweep' }));
    fireEvent.change(within(dialog).getByLabelText('Completion notes'), { target: { value: 'All good' } });
    fireEvent.change(within(dialog).getByLabelText(/signature/), { target: { value: 'Ada Byron' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Complete' }));
    await waitFor(() => expect(api.calls(`POST /api/v1/jobs/${job.id}/status`)).toHaveLength(1));
    expect(api.calls(`POST /api/v1/jobs/${job.id}/status`)[0]?.body).toEqual({
      status: 'completed',
      version: 3,
      completionNotes: 'All good',
      signatureName: 'Ada Byron',
      checklistDone: [false, true],
    });
  });

  it('assigns a crew for the job’s window and shows the API’s refusal', async () => {
    const job = makeJob(1);
    const { api } = openJob(job, {
      [`POST /api/v1/jobs/${job.id}/assign`]: errorResponse('CONFLICT', 409, {
        message: 'North crew is booked then',
      }),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Assign crew' }));
    const dialog = screen.getByRole('dialog', { name: 'Assign crew' });
    const select = within(dialog).getByLabelText('Crew');
    await within(dialog).findByRole('option', { name: 'North crew (roofing)' });
    fireEvent.change(select, { target: { value: crewId } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Assign' }));
    expect(await within(dialog).findByText('North crew is booked then')).toBeTruthy();
    expect(api.calls(`POST /api/v1/jobs/${job.id}/assign`)[0]?.body).toEqual({
      crewId,
      scheduledStart: job.scheduledStart,
      scheduledEnd: job.scheduledEnd,
      version: 3,
    });
  });

  it('a crew member (jobs.view, jobs.work) gets the steps but neither assign nor edit', async () => {
    openJob(makeJob(1, { crewId, status: 'dispatched' }), {}, makeMe(['jobs.view', 'jobs.work']));
    expect(await screen.findByRole('button', { name: 'On the way' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Reassign' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
  });

  it('links the customer company', async () => {
    const job = makeJob(1, { companyId });
    openJob(job, {
      [`GET /api/v1/companies/${companyId}`]: envelope({
        id: companyId,
        createdAt: at,
        updatedAt: at,
        createdBy: null,
        version: 1,
        archivedAt: null,
        name: 'Acme Roofing Ltd',
        domain: null,
        industry: null,
        email: null,
        phone: null,
        website: null,
        city: null,
        country: null,
        ownerId: null,
        tags: [],
      }),
    });
    const link = await screen.findByRole('link', { name: 'Acme Roofing Ltd' });
    expect(link.getAttribute('href')).toBe(`/companies/${companyId}`);
  });

  it('a missing job says so', async () => {
    renderApp(`/jobs/${uid(9, 5)}`, { api: base });
    expect(await screen.findByText('This job does not exist')).toBeTruthy();
  });
});
