import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type JobRetryInput, jobMonitorSchema, jobRetryResultSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

const JOBS_QUERY_KEY = ['admin-jobs'] as const;

/** `GET /api/v1/admin/jobs`: queue counts and this company's failed and dead jobs. */
export function useJobMonitor() {
  return useQuery({
    queryKey: JOBS_QUERY_KEY,
    queryFn: ({ signal }) => api.get(v1('admin/jobs'), { schema: jobMonitorSchema, signal }),
  });
}

/** `POST /api/v1/admin/jobs/retry`: one failed job again, or one dead job back to its queue. */
export function useRetryJob() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: JobRetryInput) =>
      api.post(v1('admin/jobs/retry'), input, { schema: jobRetryResultSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: JOBS_QUERY_KEY }),
  });
}
