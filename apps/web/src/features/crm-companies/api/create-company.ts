import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Company, type CompanyCreateInput, companySchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { COMPANIES_QUERY_KEY } from './list-companies';

/** `POST /api/v1/companies` (201). */
export function createCompany(input: CompanyCreateInput): Promise<Company> {
  return api.post(v1('companies'), input, { schema: companySchema });
}

export function useCreateCompany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCompany,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: COMPANIES_QUERY_KEY }),
  });
}
