import { useQuery } from '@tanstack/react-query';
import { contactSchema } from '@tessera/contracts';
import { useCompanyOptions } from '../../../components/records/use-company-options';
import { usePermission } from '../../../hooks/use-permission';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchListPage } from '../../../lib/records/list-page';

/** How many companies / contacts the deal form offers (alphabetical); the current one is always added. */
export const REFERENCE_OPTIONS_LIMIT = 100; // contacts (companies: COMPANY_OPTIONS_LIMIT)

export interface ReferenceOption {
  value: string;
  label: string;
}

/**
 * Choices for a deal's company and contact: the first companies by name and contacts by last name
 * (`GET /companies?sort=name`, `/contacts?sort=lastName`), each only with its view permission (else `null`:
 * the form leaves the field out). Keys live under the companies / contacts areas so their changes refresh them.
 */
export function useDealReferenceOptions(enabled: boolean) {
  const companies = useCompanyOptions(enabled);
  const canContacts = usePermission('contacts.view');
  const contacts = useQuery({
    queryKey: ['contacts', 'options'],
    queryFn: ({ signal }) =>
      fetchListPage(
        v1('contacts'),
        contactSchema,
        { sort: 'lastName', limit: REFERENCE_OPTIONS_LIMIT },
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
            label: `${c.firstName} ${c.lastName}${c.companyName ? ` (${c.companyName})` : ''}`,
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

/** A contact (its name and company) for a deal made from the contact's page; cached as the contacts area does. */
export function useContactForDeal(contactId: string | undefined) {
  const allowed = usePermission('contacts.view');
  return useQuery({
    queryKey: ['contacts', 'detail', contactId],
    queryFn: ({ signal }) =>
      api.get(v1(`contacts/${encodeURIComponent(contactId ?? '')}`), { schema: contactSchema, signal }),
    enabled: allowed && contactId !== undefined,
    staleTime: 60_000,
  });
}
