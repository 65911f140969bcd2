import { useQuery } from '@tanstack/react-query';
import { jobSchema } from '@tessera/contracts';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';

/** Today's jobs of the crews I am in, by start time (under `jobs`: socket events refetch it). */
export function useMyJobsToday() {
  const start = new Date();
  start.setHours(0, 0, 0, 0);
  const end = new Date(start.getTime() + 86_400_000);
  return useQuery({
    queryKey: ['jobs', 'mine', start.toISOString()],
    queryFn: ({ signal }) =>
      fetchAll(v1('jobs'), jobSchema, {
        signal,
        query: { crewId: 'mine', from: start.toISOString(), to: end.toISOString(), sort: 'scheduledStart' },
      }),
  });
}
