import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Board, type BoardJob, boardSchema, type JobAssignInput, jobSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

/** Under `jobs`, so every `record.changed` for a job (sockets) refetches the board. */
export const boardKey = (from: string, to: string, filters: BoardFilters) => [
  'jobs',
  'board',
  from,
  to,
  filters,
];

export interface BoardFilters {
  priority?: string;
  skill?: string;
  area?: string;
}

export function useBoard(from: string, to: string, filters: BoardFilters) {
  return useQuery({
    queryKey: boardKey(from, to, filters),
    queryFn: () =>
      api.get(v1('dispatch/board'), {
        query: { from, to, ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)) },
        schema: boardSchema,
      }),
  });
}

export interface Assignment extends JobAssignInput {
  jobId: string;
}

/** Moves a block in a board (optimistic: the job shows in its new place until the server answers). */
export const applyAssignment = (board: Board, a: Assignment): Board => {
  const job = [...board.jobs, ...board.unassigned].find((j) => j.id === a.jobId);
  if (!job) return board;
  const moved: BoardJob = {
    ...job,
    crewId: a.crewId,
    scheduledStart: a.scheduledStart,
    scheduledEnd: a.scheduledEnd,
    status: a.crewId && job.status === 'scheduled' ? 'dispatched' : job.status,
  };
  const rest = (list: BoardJob[]) => list.filter((j) => j.id !== a.jobId);
  return a.crewId
    ? { ...board, jobs: [...rest(board.jobs), moved], unassigned: rest(board.unassigned) }
    : { ...board, jobs: rest(board.jobs), unassigned: [moved, ...rest(board.unassigned)] };
};

/** `POST /jobs/:id/assign`; on a 409 the board goes back to what it was and `onRefused` gets the message. */
export function useAssignJob(key: unknown[], onRefused: (message: string) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ jobId, ...body }: Assignment) =>
      api.post(v1(`jobs/${encodeURIComponent(jobId)}/assign`), body, { schema: jobSchema }),
    onMutate: async (a) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Board>(key);
      if (previous) queryClient.setQueryData<Board>(key, applyAssignment(previous, a));
      return { previous };
    },
    onError: (error, _a, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      onRefused(error instanceof Error ? error.message : 'The job could not be moved');
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  });
}
