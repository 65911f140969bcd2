import { useQuery } from '@tanstack/react-query';
import { territorySchema, visitSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';

/** Territories I may see (managers: all; agents: theirs), by name. */
export function useTerritories() {
  return useQuery({
    queryKey: ['territories', 'all'],
    queryFn: ({ signal }) => fetchAll(v1('territories'), territorySchema, { signal }),
  });
}

export function useTerritory(id: string) {
  return useQuery({
    queryKey: ['territories', 'detail', id],
    queryFn: ({ signal }) => api.get(v1(`territories/${id}`), { schema: territorySchema, signal }),
  });
}

/** The visits of a territory (the map's markers), newest first. */
export function useTerritoryVisits(territoryId: string) {
  return useQuery({
    queryKey: ['visits', 'territory', territoryId],
    queryFn: ({ signal }) => fetchAll(v1('visits'), visitSchema, { signal, query: { territoryId } }),
  });
}
