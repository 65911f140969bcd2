import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type TaskComment,
  type TaskCommentCreateInput,
  type TaskCommentUpdateInput,
  taskCommentSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../lib/api-client';
import { v1 } from '../../lib/endpoints';
import { fetchAll } from '../../lib/fetch-all';
import { TIMELINE_QUERY_KEY } from '../../lib/records/query-keys';

/** `/api/v1/tasks/:id/comments` (ADR 0021): a task's discussion, shared by the CRM and the project board. */
const path = (taskId: string, commentId?: string) =>
  v1(`tasks/${encodeURIComponent(taskId)}/comments${commentId ? `/${encodeURIComponent(commentId)}` : ''}`);
export const taskCommentsKey = (taskId: string) => ['tasks', 'comments', taskId] as const;

/** Every comment of a task, oldest first. */
export function useTaskComments(taskId: string) {
  return useQuery({
    queryKey: taskCommentsKey(taskId),
    queryFn: ({ signal }) => fetchAll(path(taskId), taskCommentSchema, { signal }),
  });
}

/** Add, change and delete: each refreshes the thread and the timelines (comments show there too). */
export function useTaskCommentMutations(taskId: string) {
  const queryClient = useQueryClient();
  const settled = () => {
    void queryClient.invalidateQueries({ queryKey: taskCommentsKey(taskId) });
    void queryClient.invalidateQueries({ queryKey: TIMELINE_QUERY_KEY });
  };
  return {
    add: useMutation({
      mutationFn: (input: TaskCommentCreateInput): Promise<TaskComment> =>
        api.post(path(taskId), input, { schema: taskCommentSchema }),
      onSuccess: settled,
    }),
    edit: useMutation({
      mutationFn: ({ id, ...input }: TaskCommentUpdateInput & { id: string }): Promise<TaskComment> =>
        api.patch(path(taskId, id), input, { schema: taskCommentSchema }),
      onSettled: settled,
    }),
    remove: useMutation({
      mutationFn: (id: string) =>
        api.delete(path(taskId, id), { schema: z.object({ deleted: z.literal(true) }) }),
      onSettled: settled,
    }),
  };
}
