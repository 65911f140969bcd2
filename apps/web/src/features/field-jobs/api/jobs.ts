import { useQuery } from '@tanstack/react-query';
import {
  type Crew,
  crewSchema,
  type Job,
  type JobAssignInput,
  type JobCreateInput,
  type JobStatusInput,
  jobSchema,
  jobStatusStepSchema,
  type jobUpdateInput,
} from '@tessera/contracts';
import { z } from 'zod';
import { usePermission } from '../../../hooks/use-permission';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';
import { createRecordHooks } from '../../../lib/records/record-hooks';

export type JobUpdate = ReturnType<typeof jobUpdateInput.parse>;

/**
 * `/api/v1/jobs` through the record kit: list, get, create, edit, archive, and the actions
 * `jobRecords.useAction('assign' | 'status')`. Keys live under `jobs`, so the sockets' `record.changed` for a
 * job refetch the list and the page, as they do the dispatch board and the crew view.
 */
export const jobRecords = createRecordHooks<Job, JobCreateInput, JobUpdate>({
  path: 'jobs',
  schema: jobSchema,
});

export const useAssignJob = () => jobRecords.useAction<JobAssignInput>('assign');
export const useJobStatus = () => jobRecords.useAction<JobStatusInput>('status');

const historySchema = z.array(jobStatusStepSchema);

/** `GET /jobs/:id/history`: the status steps, oldest first. */
export function useJobHistory(id: string) {
  return useQuery({
    queryKey: [...jobRecords.key, 'history', id],
    queryFn: ({ signal }) => api.get(jobRecords.recordPath(id, 'history'), { schema: historySchema, signal }),
  });
}

/**
 * The crews a job can be given (`GET /crews`, the ones the caller may see — the rows of the dispatch board),
 * by name; only with `crews.view`. Under `jobs` as the board's are, so crew and job changes refresh them.
 */
export function useCrews(enabled = true) {
  const allowed = usePermission('crews.view');
  const query = useQuery({
    queryKey: [...jobRecords.key, 'crews'],
    queryFn: ({ signal }) => fetchAll(v1('crews'), crewSchema, { signal, query: { sort: 'name' } }),
    enabled: enabled && allowed,
    staleTime: 60_000,
  });
  return { ...query, allowed };
}

export const crewName = (crews: readonly Crew[] | undefined, id: string | null): string =>
  id === null ? 'Unassigned' : (crews?.find((crew) => crew.id === id)?.name ?? 'A crew');
