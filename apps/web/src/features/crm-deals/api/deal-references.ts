import { useQuery } from '@tanstack/react-query';
import { contactSchema } from '@tessera/contracts';
import { useCustomerOptions } from '../../../components/records/use-customer-options';
import { usePermission } from '../../../hooks/use-permission';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

/** Choices for a deal's company and contact: the shared customer pickers (`useCustomerOptions`). */
export const useDealReferenceOptions = useCustomerOptions;

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
