import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Lead, leadSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { LEADS_QUERY_KEY } from './list-leads';

export const leadPath = (id: string, action = '') =>
  v1(`leads/${encodeURIComponent(id)}${action ? `/${action}` : ''}`);

/** `GET /api/v1/leads/:id`. */
export function getLead(id: string, signal?: AbortSignal): Promise<Lead> {
  return api.get(leadPath(id), { schema: leadSchema, signal });
}

export function leadQueryOptions(id: string) {
  return queryOptions({
    queryKey: [...LEADS_QUERY_KEY, 'detail', id],
    queryFn: ({ signal }) => getLead(id, signal),
  });
}

export function useLead(id: string) {
  return useQuery(leadQueryOptions(id));
}
