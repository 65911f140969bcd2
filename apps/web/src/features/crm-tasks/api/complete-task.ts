import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Task, taskSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { TASKS_QUERY_KEY, TIMELINE_QUERY_KEY } from '../../../lib/records/query-keys';
import { MY_TASKS_QUERY_KEY } from './list-my-tasks';

/** `POST /api/v1/tasks/:id/complete` with the version read. */
export function completeTask(task: Pick<Task, 'id' | 'version'>): Promise<Task> {
  return api.post(
    v1(`tasks/${encodeURIComponent(task.id)}/complete`),
    { version: task.version },
    {
      schema: taskSchema,
    },
  );
}

/** Optimistic: the task leaves "my tasks" at once and comes back if the server refuses. */
export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: completeTask,
    onMutate: async (task) => {
      await queryClient.cancelQueries({ queryKey: MY_TASKS_QUERY_KEY });
      const previous = queryClient.getQueryData<Task[]>(MY_TASKS_QUERY_KEY);
      queryClient.setQueryData<Task[]>(MY_TASKS_QUERY_KEY, (tasks) => tasks?.filter((t) => t.id !== task.id));
      return { previous };
    },
    onError: (_error, _task, context) => {
      if (context?.previous) queryClient.setQueryData(MY_TASKS_QUERY_KEY, context.previous);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: TASKS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: TIMELINE_QUERY_KEY });
    },
  });
}
