import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Pipeline, pipelineSchema } from '@tessera/contracts';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';

export const PIPELINES_QUERY_KEY = ['pipelines'] as const;

/** `GET /api/v1/pipelines` (all pages), each with its stages in order. */
export async function listPipelines(signal?: AbortSignal): Promise<Pipeline[]> {
  const pipelines = await fetchAll(v1('pipelines'), pipelineSchema, { signal });
  return pipelines.map((pipeline) => ({
    ...pipeline,
    stages: [...pipeline.stages].sort((a, b) => a.position - b.position),
  }));
}

export function pipelinesQueryOptions() {
  return queryOptions({
    queryKey: PIPELINES_QUERY_KEY,
    queryFn: ({ signal }) => listPipelines(signal),
    staleTime: 60_000,
  });
}

/** `enabled: false` without `deals.view` (e.g. the convert dialog of a user who cannot see deals). */
export function usePipelines({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...pipelinesQueryOptions(), enabled });
}
