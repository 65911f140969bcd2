import { useMutation, useQueryClient } from '@tanstack/react-query';
import { dealSchema, type Pipeline, pipelineSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';
import { dealRecords } from './deals';
import { PIPELINES_QUERY_KEY } from './list-pipelines';

const pipelinePath = (id: string) => v1(`pipelines/${encodeURIComponent(id)}`);

/** `POST /pipelines`, `PATCH /pipelines/:id` (stages replaced; `version`), refreshing pipelines and boards. */
export function usePipelineChanges() {
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: PIPELINES_QUERY_KEY }),
      queryClient.invalidateQueries({ queryKey: dealRecords.key }),
    ]);
  const create = useMutation({
    mutationFn: (input: unknown) => api.post(v1('pipelines'), input, { schema: pipelineSchema }),
    onSuccess: refresh,
  });
  const update = useMutation({
    mutationFn: ({ id, input }: { id: string; input: unknown }) =>
      api.patch(pipelinePath(id), input, { schema: pipelineSchema }),
    onSuccess: refresh,
  });
  return { create, update };
}

/** Every deal in a stage (archived ones too: a stage with any deal cannot be removed). */
export const stageDeals = (pipeline: Pipeline, stageId: string, signal?: AbortSignal) =>
  fetchAll(v1('deals'), dealSchema, {
    signal,
    query: { pipelineId: pipeline.id, stageId, archived: 'include' },
  });

/**
 * Moves every deal of `fromStageId` to `toStageId` (`POST /deals/:id/stage`, one by one), so the stage can be
 * removed. Stops at the first refusal and says which deal it was.
 */
export async function moveStageDeals(pipeline: Pipeline, fromStageId: string, toStageId: string) {
  const deals = await stageDeals(pipeline, fromStageId);
  for (const deal of deals) {
    try {
      await api.post(
        dealRecords.recordPath(deal.id, 'stage'),
        { stageId: toStageId },
        { schema: dealSchema },
      );
    } catch (error) {
      throw new Error(
        `“${deal.title}” could not be moved: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
  return deals.length;
}
