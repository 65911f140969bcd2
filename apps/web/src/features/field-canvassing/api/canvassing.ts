import { useQuery } from '@tanstack/react-query';
import {
  type CanvassStatsQuery,
  canvassStatsSchema,
  type Territory,
  type TerritoryCreateInput,
  territorySchema,
  type territoryUpdateInput,
  visitSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';
import { createRecordHooks } from '../../../lib/records/record-hooks';

/** Territories: detail, create, update (with version), archive / restore; every change refreshes `['territories']`. */
export const territoryRecords = createRecordHooks<
  Territory,
  TerritoryCreateInput,
  z.input<typeof territoryUpdateInput>
>({ path: 'territories', schema: territorySchema });

/** Territories I may see (managers: all; agents: theirs), by name; `archived: 'include'` lists archived too. */
export function useTerritories(archived: 'exclude' | 'include' = 'exclude') {
  return useQuery({
    queryKey: ['territories', 'all', archived],
    queryFn: ({ signal }) => fetchAll(v1('territories'), territorySchema, { signal, query: { archived } }),
  });
}

export const useTerritory = (id: string) => territoryRecords.useRecord(id);

/** The visits of a territory (the map's markers), newest first. */
export function useTerritoryVisits(territoryId: string, enabled = true) {
  return useQuery({
    queryKey: ['visits', 'territory', territoryId],
    enabled,
    queryFn: ({ signal }) => fetchAll(v1('visits'), visitSchema, { signal, query: { territoryId } }),
  });
}

/** The latest 100 visits I may see: where a new territory's map opens, and its markers. */
export function useRecentVisits(enabled: boolean) {
  return useQuery({
    queryKey: ['visits', 'recent'],
    enabled,
    queryFn: ({ signal }) =>
      api.get(v1('visits'), { query: { limit: 100 }, schema: z.array(visitSchema), signal }),
  });
}

/** Canvassing stats of a period: per agent per day, per agent, totals (agents: only their own visits). */
export function useCanvassStats(query: CanvassStatsQuery) {
  return useQuery({
    queryKey: ['visits', 'stats', query],
    queryFn: ({ signal }) =>
      api.get(v1('visits/stats'), {
        query: { ...query },
        schema: canvassStatsSchema,
        signal,
      }),
  });
}
