import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Task, taskSchema } from '@tessera/contracts';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';
import { TASKS_QUERY_KEY } from '../../../lib/records/query-keys';

export const MY_TASKS_QUERY_KEY = [...TASKS_QUERY_KEY, 'mine'] as const;

/** `GET /api/v1/tasks?assigneeId=me&status=open,in_progress&sort=dueAt` (all pages). */
export function listMyTasks(signal?: AbortSignal): Promise<Task[]> {
  return fetchAll(v1('tasks'), taskSchema, {
    signal,
    query: { assigneeId: 'me', status: 'open,in_progress', sort: 'dueAt' },
  });
}

export function myTasksQueryOptions() {
  return queryOptions({ queryKey: MY_TASKS_QUERY_KEY, queryFn: ({ signal }) => listMyTasks(signal) });
}

export function useMyTasks() {
  return useQuery(myTasksQueryOptions());
}
