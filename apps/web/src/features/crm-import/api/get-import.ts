import { useQuery, useQueryClient } from '@tanstack/react-query';
import { type ImportJob, importJobSchema } from '@tessera/contracts';
import { useEffect } from 'react';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

const finished = (job: ImportJob | undefined) => job?.status === 'completed' || job?.status === 'failed';

/** `GET /api/v1/imports/:id`: status, counts and the per-row errors. */
export function getImport(id: string, signal?: AbortSignal): Promise<ImportJob> {
  return api.get(v1(`imports/${encodeURIComponent(id)}`), { schema: importJobSchema, signal });
}

/**
 * The import job, polled every second until it is completed or failed; then the record lists (whose
 * query keys start with the entity name) are refreshed once.
 */
export function useImportJob(id: string | null, entity: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => getImport(id ?? '', signal),
    enabled: id !== null,
    refetchInterval: (current) => (finished(current.state.data) ? false : 1_000),
  });
  const done = finished(query.data) && query.data?.dryRun === false;
  useEffect(() => {
    if (done) void queryClient.invalidateQueries({ queryKey: [entity] });
  }, [done, entity, queryClient]);
  return query;
}
