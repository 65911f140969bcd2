import { useQuery } from '@tanstack/react-query';
import { companySchema } from '@tessera/contracts';
import { usePermission } from '../../../hooks/use-permission';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

/**
 * The name of a deal's company for its card: `GET /api/v1/companies/:id`, cached per company (cards of the
 * same company share one request; the key is the companies area's detail key). Nothing without
 * `companies.view`.
 */
export function useCompanyName(companyId: string | null): string | undefined {
  const allowed = usePermission('companies.view');
  const company = useQuery({
    queryKey: ['companies', 'detail', companyId],
    queryFn: ({ signal }) =>
      api.get(v1(`companies/${encodeURIComponent(companyId ?? '')}`), { schema: companySchema, signal }),
    enabled: allowed && companyId !== null,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return company.data?.name;
}
