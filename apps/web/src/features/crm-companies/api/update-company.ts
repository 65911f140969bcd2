import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Company, companySchema, type companyUpdateInput } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { TIMELINE_QUERY_KEY } from '../../../lib/records/record-path';
import { companyPath } from './get-company';
import { COMPANIES_QUERY_KEY } from './list-companies';

export type CompanyUpdate = ReturnType<typeof companyUpdateInput.parse>;

/** `PATCH /api/v1/companies/:id` with the version read (409 when stale). */
export function updateCompany({ id, ...input }: CompanyUpdate & { id: string }): Promise<Company> {
  return api.patch(companyPath(id), input, { schema: companySchema });
}

export function useUpdateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateCompany,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: COMPANIES_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: TIMELINE_QUERY_KEY });
    },
  });
}
