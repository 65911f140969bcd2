import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { timeEntrySchema, timesheetWeekSchema, timesheetWeekSummarySchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';
import { fetchListPage } from '../../../lib/records/list-page';

/** Everything timesheet-shaped lives under this key (weeks, the approvals queue); budgets under `projects`. */
export const TIMESHEETS_KEY = ['timesheets'] as const;

const weekPath = (userId: string, weekStart: string, action = '') =>
  v1(`timesheets/${encodeURIComponent(userId)}/${weekStart}${action ? `/${action}` : ''}`);

/** `GET /timesheets/:userId/:weekStart` (`me` for my own). */
export function useWeek(userId: string, weekStart: string) {
  return useQuery({
    queryKey: [...TIMESHEETS_KEY, 'week', userId, weekStart],
    queryFn: ({ signal }) => api.get(weekPath(userId, weekStart), { schema: timesheetWeekSchema, signal }),
  });
}

/** `GET /timesheets?status=submitted`: the weeks waiting for a decision, oldest first. */
export function useApprovalQueue(enabled = true) {
  return useQuery({
    queryKey: [...TIMESHEETS_KEY, 'queue'],
    queryFn: ({ signal }) =>
      fetchAll(v1('timesheets'), timesheetWeekSummarySchema, { signal, query: { status: 'submitted' } }),
    enabled,
  });
}

export interface SaveRow {
  projectId: string;
  taskId?: string;
  billable: boolean;
  note?: string;
  hours: number[];
}

type WeekAction =
  | { kind: 'save'; rows: SaveRow[]; version: number }
  | { kind: 'submit'; version: number }
  | { kind: 'approve'; version: number }
  | { kind: 'reject'; version: number; reason: string };

/** Save, submit, approve or reject a week; every change refreshes the weeks, the queue and the budgets. */
export function useWeekAction(userId: string, weekStart: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: WeekAction) => {
      const options = { schema: timesheetWeekSchema };
      switch (action.kind) {
        case 'save':
          return api.put(
            weekPath(userId, weekStart),
            { rows: action.rows, ...(action.version > 0 ? { version: action.version } : {}) },
            options,
          );
        case 'submit':
          return api.post(
            weekPath(userId, weekStart, 'submit'),
            action.version > 0 ? { version: action.version } : {},
            options,
          );
        case 'approve':
          return api.post(weekPath(userId, weekStart, 'approve'), { version: action.version }, options);
        case 'reject':
          return api.post(
            weekPath(userId, weekStart, 'reject'),
            { version: action.version, reason: action.reason },
            options,
          );
      }
    },
    onSuccess: async () => {
      void queryClient.invalidateQueries({ queryKey: ['projects'] });
      await queryClient.invalidateQueries({ queryKey: TIMESHEETS_KEY });
    },
  });
}

/** A project's time entries (mine, or everyone's with manage / approve), newest first, the latest 100. */
export function useProjectTime(projectId: string, enabled = true) {
  return useQuery({
    queryKey: [...TIMESHEETS_KEY, 'entries', projectId],
    queryFn: async ({ signal }) =>
      (
        await fetchListPage(
          v1('time-entries'),
          timeEntrySchema,
          { projectId, sort: '-date', limit: 100 },
          signal,
        )
      ).items,
    enabled,
  });
}
