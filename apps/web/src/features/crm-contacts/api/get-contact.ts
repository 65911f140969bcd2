import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Contact, contactSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { CONTACTS_QUERY_KEY } from './list-contacts';

export const contactPath = (id: string) => v1(`contacts/${encodeURIComponent(id)}`);

/** `GET /api/v1/contacts/:id`. */
export function getContact(id: string, signal?: AbortSignal): Promise<Contact> {
  return api.get(contactPath(id), { schema: contactSchema, signal });
}

export function useContact(id: string) {
  return useQuery(
    queryOptions({
      queryKey: [...CONTACTS_QUERY_KEY, 'detail', id],
      queryFn: ({ signal }) => getContact(id, signal),
    }),
  );
}
