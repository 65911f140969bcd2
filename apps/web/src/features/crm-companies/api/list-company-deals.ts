import { useQuery } from '@tanstack/react-query';
import { dealSchema } from '@tessera/contracts';
import { fetchListPage } from '../../../lib/records/list-page';
import { companyPath } from './get-company';
import { COMPANIES_QUERY_KEY } from './list-companies';

/** `GET /api/v1/companies/:id/deals` (first 100). */
export function useCompanyDeals(id: string) {
  return useQuery({
    queryKey: [...COMPANIES_QUERY_KEY, 'detail', id, 'deals'],
    queryFn: ({ signal }) => fetchListPage(companyPath(id, 'deals'), dealSchema, { limit: 100 }, signal),
  });
}
