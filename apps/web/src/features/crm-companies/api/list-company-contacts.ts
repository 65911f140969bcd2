import { useQuery } from '@tanstack/react-query';
import { contactSchema } from '@tessera/contracts';
import { fetchListPage } from '../../../lib/records/list-page';
import { companyRecords } from './companies';

/** `GET /api/v1/companies/:id/contacts` (first 100); `enabled` false when the caller may not see them. */
export function useCompanyContacts(id: string, enabled = true) {
  return useQuery({
    enabled,
    queryKey: [...companyRecords.key, 'detail', id, 'contacts'],
    queryFn: ({ signal }) =>
      fetchListPage(companyRecords.recordPath(id, 'contacts'), contactSchema, { limit: 100 }, signal),
  });
}
