import { useQuery } from '@tanstack/react-query';
import { contactSchema } from '@tessera/contracts';
import { fetchListPage } from '../../../lib/records/list-page';
import { companyRecords } from './companies';

/** `GET /api/v1/companies/:id/contacts` (first 100). */
export function useCompanyContacts(id: string) {
  return useQuery({
    queryKey: [...companyRecords.key, 'detail', id, 'contacts'],
    queryFn: ({ signal }) =>
      fetchListPage(companyRecords.recordPath(id, 'contacts'), contactSchema, { limit: 100 }, signal),
  });
}
