import { JOB_STATUSES, JOB_TRANSITIONS, type JobStatus } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { canAssignJob, jobStatusActions } from './job-status';

const crew = '11111111-1111-4111-8111-111111111111';
const steps = (status: JobStatus, crewId: string | null = crew, archivedAt: string | null = null) =>
  jobStatusActions({ status, crewId, archivedAt }).map((action) => action.to);

describe('job status buttons', () => {
  it('offers exactly the flow’s next steps for a crewed job, main step first and cancel last', () => {
    expect(steps('scheduled')).toEqual(['dispatched', 'on_hold', 'cancelled']);
    expect(steps('dispatched')).toEqual(['en_route', 'scheduled', 'on_hold', 'cancelled']);
    expect(steps('en_route')).toEqual(['on_site', 'on_hold', 'cancelled']);
    expect(steps('on_site')).toEqual(['completed', 'on_hold']);
    expect(steps('on_hold')).toEqual(['scheduled', 'dispatched', 'cancelled']);
    for (const status of JOB_STATUSES)
      expect(new Set(steps(status))).toEqual(new Set(JOB_TRANSITIONS[status]));
  });

  it('never offers a step that needs a crew to a job without one', () => {
    expect(steps('scheduled', null)).toEqual(['on_hold', 'cancelled']);
    expect(steps('on_hold', null)).toEqual(['scheduled', 'cancelled']);
  });

  it('offers nothing for a closed or archived job', () => {
    expect(steps('completed')).toEqual([]);
    expect(steps('cancelled')).toEqual([]);
    expect(steps('dispatched', crew, '2026-12-01T10:00:00.000Z')).toEqual([]);
  });

  it('labels the steps and asks for details only to complete, hold or cancel', () => {
    const actions = jobStatusActions({ status: 'dispatched', crewId: crew, archivedAt: null });
    expect(actions.map((a) => [a.label, a.asksDetails, a.variant])).toEqual([
      ['On the way', false, 'primary'],
      ['Back to scheduled', false, 'secondary'],
      ['Put on hold', true, 'secondary'],
      ['Cancel job', true, 'danger'],
    ]);
    const resume = jobStatusActions({ status: 'on_hold', crewId: crew, archivedAt: null });
    expect(resume.map((a) => a.label)).toEqual(['Resume', 'Resume and dispatch', 'Cancel job']);
    const onSite = jobStatusActions({ status: 'on_site', crewId: crew, archivedAt: null });
    expect(onSite[0]).toMatchObject({ to: 'completed', label: 'Complete', asksDetails: true });
  });

  it('allows (re)assigning only before the crew is under way', () => {
    const can = (status: JobStatus, archivedAt: string | null = null) => canAssignJob({ status, archivedAt });
    expect(['scheduled', 'dispatched', 'on_hold'].map((s) => can(s as JobStatus))).toEqual([
      true,
      true,
      true,
    ]);
    expect(['en_route', 'on_site', 'completed', 'cancelled'].map((s) => can(s as JobStatus))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(can('scheduled', '2026-12-01T10:00:00.000Z')).toBe(false);
  });
});
