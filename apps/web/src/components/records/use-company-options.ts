import { useQuery } from '@tanstack/react-query';
import { companySchema } from '@tessera/contracts';
import { usePermission } from '../../hooks/use-permission';
import { v1 } from '../../lib/endpoints';
import { fetchListPage } from '../../lib/records/list-page';
import type { SelectOption } from '../ui/form-field';

/** How many companies a company picker offers (alphabetical); the record's current one is always added. */
export const COMPANY_OPTIONS_LIMIT = 100;

/**
 * Choices for a "Company" field (contact form, deal form): the first companies by name
 * (`GET /companies?sort=name`), only with `companies.view` (else `null`: the form leaves the field out).
 * The key lives under the companies area, so company changes refresh it.
 */
export function useCompanyOptions(enabled = true) {
  const allowed = usePermission('companies.view');
  const query = useQuery({
    queryKey: ['companies', 'options'],
    queryFn: ({ signal }) =>
      fetchListPage(v1('companies'), companySchema, { sort: 'name', limit: COMPANY_OPTIONS_LIMIT }, signal),
    enabled: enabled && allowed,
    staleTime: 60_000,
  });
  const options: SelectOption[] | null | undefined = allowed
    ? query.data?.items.map((c) => ({ value: c.id, label: c.name }))
    : null;
  return { options, query, allowed };
}

/** `options` plus the record's current company (which may be beyond the first page), once. */
export function withCurrentOption(
  options: readonly SelectOption[],
  id: string | null | undefined,
  name: string | null | undefined,
): SelectOption[] {
  if (!id || options.some((o) => o.value === id)) return [...options];
  return [{ value: id, label: name ?? 'Current company' }, ...options];
}
