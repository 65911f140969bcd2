import { useQuery } from '@tanstack/react-query';
import { contactSchema } from '@tessera/contracts';
import { fetchListPage } from '../../../lib/records/list-page';
import { companyPath } from './get-company';
import { COMPANIES_QUERY_KEY } from './list-companies';

/** `GET /api/v1/companies/:id/contacts` (first 100). */
export function useCompanyContacts(id: string) {
  return useQuery({
    queryKey: [...COMPANIES_QUERY_KEY, 'detail', id, 'contacts'],
    queryFn: ({ signal }) =>
      fetchListPage(companyPath(id, 'contacts'), contactSchema, { limit: 100 }, signal),
  });
}
