import { z } from 'zod';

/** Field service vocabulary shared by crews, jobs, the dispatch board and the crew view. */
export const JOB_KINDS = ['job', 'load'] as const;
export const jobKind = z.enum(JOB_KINDS);
export const JOB_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export const jobPriority = z.enum(JOB_PRIORITIES);
export type JobPriority = z.infer<typeof jobPriority>;
export const JOB_STATUSES = [
  'scheduled',
  'dispatched',
  'en_route',
  'on_site',
  'completed',
  'on_hold',
  'cancelled',
] as const;
export const jobStatus = z.enum(JOB_STATUSES);
export type JobStatus = z.infer<typeof jobStatus>;

/**
 * Allowed status moves. The service refuses anything else (409) and a database trigger holds the same table
 * (migration `field_rls`). Assigning a crew to a scheduled job dispatches it; unassigning takes it back.
 */
export const JOB_TRANSITIONS: Record<JobStatus, readonly JobStatus[]> = {
  scheduled: ['dispatched', 'on_hold', 'cancelled'],
  dispatched: ['scheduled', 'en_route', 'on_hold', 'cancelled'],
  en_route: ['on_site', 'on_hold', 'cancelled'],
  on_site: ['completed', 'on_hold'],
  on_hold: ['scheduled', 'dispatched', 'cancelled'],
  completed: [],
  cancelled: [],
};
/** Statuses in which a job needs a crew. */
export const CREWED_STATUSES: readonly JobStatus[] = ['dispatched', 'en_route', 'on_site', 'completed'];
/** Statuses a job never leaves. */
export const FINAL_JOB_STATUSES: readonly JobStatus[] = ['completed', 'cancelled'];

export const skill = z.string().trim().min(1).max(50);
export const skills = z.array(skill).max(30);
export const fieldText = (max: number) => z.string().trim().max(max).nullable().optional();
export const latitude = z.number().min(-90).max(90);
export const longitude = z.number().min(-180).max(180);
