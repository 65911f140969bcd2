import { useQuery } from '@tanstack/react-query';
import { dealSchema } from '@tessera/contracts';
import { fetchListPage } from '../../../lib/records/list-page';
import { companyRecords } from './companies';

/** `GET /api/v1/companies/:id/deals` (first 100); `enabled` false when the caller may not see them. */
export function useCompanyDeals(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...companyRecords.key, 'detail', id, 'deals'],
    queryFn: ({ signal }) =>
      fetchListPage(companyRecords.recordPath(id, 'deals'), dealSchema, { limit: 100 }, signal),
  });
}
