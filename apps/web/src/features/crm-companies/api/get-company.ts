import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Company, companySchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { COMPANIES_QUERY_KEY } from './list-companies';

export const companyPath = (id: string, sub = '') =>
  v1(`companies/${encodeURIComponent(id)}${sub ? `/${sub}` : ''}`);

/** `GET /api/v1/companies/:id`. */
export function getCompany(id: string, signal?: AbortSignal): Promise<Company> {
  return api.get(companyPath(id), { schema: companySchema, signal });
}

export function useCompany(id: string) {
  return useQuery(
    queryOptions({
      queryKey: [...COMPANIES_QUERY_KEY, 'detail', id],
      queryFn: ({ signal }) => getCompany(id, signal),
    }),
  );
}
