import {
  CREWED_STATUSES,
  FINAL_JOB_STATUSES,
  JOB_TRANSITIONS,
  type JobPriority,
  type JobStatus,
} from '@tessera/contracts';
import type { BadgeTone } from '../../components/ui/badge';

export const JOB_STATUS_LABELS: Record<JobStatus, string> = {
  scheduled: 'Scheduled',
  dispatched: 'Dispatched',
  en_route: 'En route',
  on_site: 'On site',
  completed: 'Completed',
  on_hold: 'On hold',
  cancelled: 'Cancelled',
};

export const JOB_STATUS_TONES: Record<JobStatus, BadgeTone> = {
  scheduled: 'neutral',
  dispatched: 'info',
  en_route: 'info',
  on_site: 'warning',
  completed: 'success',
  on_hold: 'warning',
  cancelled: 'danger',
};

export const JOB_PRIORITY_LABELS: Record<JobPriority, string> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

export const JOB_PRIORITY_TONES: Record<JobPriority, BadgeTone> = {
  low: 'neutral',
  normal: 'neutral',
  high: 'warning',
  urgent: 'danger',
};

/** One status button of a job page: the step it asks for and whether it first asks for details. */
export interface JobStatusAction {
  to: JobStatus;
  label: string;
  /** Completing asks for notes, checklist results and signature; on hold / cancel for a reason. */
  asksDetails: boolean;
  /** Shown as a secondary (hold, back) or dangerous (cancel) button rather than the main step. */
  variant: 'primary' | 'secondary' | 'danger';
}

const label = (from: JobStatus, to: JobStatus): string => {
  switch (to) {
    case 'scheduled':
      return from === 'on_hold' ? 'Resume' : 'Back to scheduled';
    case 'dispatched':
      return from === 'on_hold' ? 'Resume and dispatch' : 'Dispatch';
    case 'en_route':
      return 'On the way';
    case 'on_site':
      return 'Arrived on site';
    case 'completed':
      return 'Complete';
    case 'on_hold':
      return 'Put on hold';
    case 'cancelled':
      return 'Cancel job';
  }
};

/**
 * The status buttons of a job: exactly the next steps of `JOB_TRANSITIONS` (the API's flow), less those
 * that need a crew while the job has none (the API would answer "Assign a crew first"). None for an
 * archived job. Forward steps first, then hold, then cancel.
 */
export function jobStatusActions(job: {
  status: JobStatus;
  crewId: string | null;
  archivedAt: string | null;
}): JobStatusAction[] {
  if (job.archivedAt) return [];
  const order = (action: JobStatusAction) =>
    action.variant === 'primary' ? 0 : action.variant === 'secondary' ? 1 : 2;
  return JOB_TRANSITIONS[job.status]
    .filter((to) => job.crewId !== null || !CREWED_STATUSES.includes(to))
    .map(
      (to): JobStatusAction => ({
        to,
        label: label(job.status, to),
        asksDetails: to === 'completed' || to === 'on_hold' || to === 'cancelled',
        variant:
          to === 'cancelled'
            ? 'danger'
            : to === 'on_hold' || (to === 'scheduled' && job.status !== 'on_hold')
              ? 'secondary'
              : 'primary',
      }),
    )
    .sort((a, b) => order(a) - order(b));
}

/** Whether a job may be (re)assigned: not under way (en route, on site), closed, or archived. */
export const canAssignJob = (job: { status: JobStatus; archivedAt: string | null }): boolean =>
  !job.archivedAt &&
  !FINAL_JOB_STATUSES.includes(job.status) &&
  job.status !== 'en_route' &&
  job.status !== 'on_site';
