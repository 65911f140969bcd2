import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Contact, type ContactCreateInput, contactSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { CONTACTS_QUERY_KEY } from './list-contacts';

/** `POST /api/v1/contacts` (201). */
export function createContact(input: ContactCreateInput): Promise<Contact> {
  return api.post(v1('contacts'), input, { schema: contactSchema });
}

export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createContact,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CONTACTS_QUERY_KEY }),
  });
}
