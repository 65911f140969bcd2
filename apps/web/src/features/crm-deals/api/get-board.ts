import { queryOptions, useQuery } from '@tanstack/react-query';
import { dealSchema, type Pipeline } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { isApiClientError } from '../../../lib/api-error';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';
import { type Board, parseBoard } from './board';
import { type BoardPeriod, periodStart } from './board-period';

export const BOARD_QUERY_KEY = ['deals', 'board'] as const;
export const boardQueryKey = (pipelineId: string, period: BoardPeriod) =>
  [...BOARD_QUERY_KEY, pipelineId, period] as const;

/**
 * `GET /api/v1/pipelines/:id/board?closedFrom=…`: stages with their open deals, and the deals closed in the
 * period in the won / lost stages. Should a server not have the board route, the open deals of the pipeline
 * (`GET /deals?pipelineId&status=open`) are grouped by stage instead.
 */
export async function getBoard(
  pipeline: Pipeline,
  period: BoardPeriod,
  signal?: AbortSignal,
): Promise<Board> {
  try {
    const data = await api.get(v1(`pipelines/${encodeURIComponent(pipeline.id)}/board`), {
      signal,
      query: { closedFrom: periodStart(period) },
    });
    return parseBoard(data);
  } catch (error) {
    // Only a missing route ("No route GET …") falls back; a missing pipeline stays an error.
    if (!isApiClientError(error) || error.status !== 404 || !error.message.startsWith('No route'))
      throw error;
    const deals = await fetchAll(v1('deals'), dealSchema, {
      signal,
      query: { pipelineId: pipeline.id, status: 'open' },
    });
    return {
      stages: pipeline.stages.map((stage) => ({
        ...stage,
        deals: deals.filter((d) => d.stageId === stage.id),
      })),
    };
  }
}

export function boardQueryOptions(pipeline: Pipeline, period: BoardPeriod) {
  return queryOptions({
    queryKey: boardQueryKey(pipeline.id, period),
    queryFn: ({ signal }) => getBoard(pipeline, period, signal),
  });
}

export function useBoard(pipeline: Pipeline, period: BoardPeriod) {
  return useQuery(boardQueryOptions(pipeline, period));
}
