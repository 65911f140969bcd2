import { useQuery } from '@tanstack/react-query';
import { contactSchema } from '@tessera/contracts';
import { usePermission } from '../../hooks/use-permission';
import { v1 } from '../../lib/endpoints';
import { fetchListPage } from '../../lib/records/list-page';
import { useCompanyOptions } from './use-company-options';

/**
 * How many contacts are loaded (by last name); companies: `COMPANY_OPTIONS_LIMIT`. The contact and company fields
 * search all of them (`RecordPicker`): these options only name the current one.
 */
export const CONTACT_OPTIONS_LIMIT = 100;

export interface ReferenceOption {
  value: string;
  label: string;
}

/**
 * Choices for a record's customer — company and contact (deal form, job form): the first companies by name and
 * contacts by last name (`GET /companies?sort=name`, `/contacts?sort=lastName`), each only with its view
 * permission (else `null`: the form leaves the field out). Keys live under the companies / contacts areas so
 * their changes refresh them.
 */
export function useCustomerOptions(enabled: boolean) {
  const companies = useCompanyOptions(enabled);
  const canContacts = usePermission('contacts.view');
  const contacts = useQuery({
    queryKey: ['contacts', 'options'],
    queryFn: ({ signal }) =>
      fetchListPage(
        v1('contacts'),
        contactSchema,
        { sort: 'lastName', limit: CONTACT_OPTIONS_LIMIT },
        signal,
      ),
    enabled: enabled && canContacts,
    staleTime: 60_000,
  });
  return {
    companies: companies.options,
    contacts: canContacts
      ? contacts.data?.items.map(
          (c): ReferenceOption => ({
            value: c.id,
            // The name a contact field shows (a picked contact shows the same; the list adds company, e-mail).
            label: `${c.firstName} ${c.lastName}`,
          }),
        )
      : null,
    isPending: (companies.allowed && companies.query.isPending) || (canContacts && contacts.isPending),
    error: companies.query.error ?? contacts.error,
    refetch: () => {
      void companies.query.refetch();
      void contacts.refetch();
    },
  };
}
