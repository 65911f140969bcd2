import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Task, type TaskCreateInput, taskSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { TASKS_QUERY_KEY, TIMELINE_QUERY_KEY } from '../../../lib/records/query-keys';

/** `POST /api/v1/tasks`: optionally linked to a lead, contact, company or deal. */
export function createTask(input: TaskCreateInput): Promise<Task> {
  return api.post(v1('tasks'), input, { schema: taskSchema });
}

export function useCreateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTask,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: TASKS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: TIMELINE_QUERY_KEY });
    },
  });
}
