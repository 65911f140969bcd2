import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Contact, contactSchema, type contactUpdateInput } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { TIMELINE_QUERY_KEY } from '../../../lib/records/record-path';
import { contactPath } from './get-contact';
import { CONTACTS_QUERY_KEY } from './list-contacts';

export type ContactUpdate = ReturnType<typeof contactUpdateInput.parse>;

/** `PATCH /api/v1/contacts/:id` with the version read (409 when stale). */
export function updateContact({ id, ...input }: ContactUpdate & { id: string }): Promise<Contact> {
  return api.patch(contactPath(id), input, { schema: contactSchema });
}

export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateContact,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: CONTACTS_QUERY_KEY });
      void queryClient.invalidateQueries({ queryKey: TIMELINE_QUERY_KEY });
    },
  });
}
