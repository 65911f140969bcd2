import { useQuery } from '@tanstack/react-query';
import { contactSchema, leadSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchListPage } from '../../../lib/records/list-page';

const NAME = { firstName: true, lastName: true } as const;

export type PartyKind = 'lead' | 'contact';
export interface PartyOption {
  id: string;
  label: string;
}

/** Leads or contacts matching `q` (the first 20), for the booking dialog's picker; under their CRM areas. */
export function usePartyOptions(kind: PartyKind, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [kind === 'lead' ? 'leads' : 'contacts', 'booking-options', q],
    queryFn: async ({ signal }): Promise<PartyOption[]> => {
      const query = { q: q || undefined, limit: 20 };
      if (kind === 'lead') {
        const page = await fetchListPage(v1('leads'), leadSchema, query, signal);
        return page.items.map((l) => ({
          id: l.id,
          label: `${l.firstName} ${l.lastName}${l.companyName ? ` (${l.companyName})` : ''}`,
        }));
      }
      const page = await fetchListPage(v1('contacts'), contactSchema, { ...query, sort: 'lastName' }, signal);
      return page.items.map((c) => ({ id: c.id, label: `${c.firstName} ${c.lastName}` }));
    },
    enabled,
    placeholderData: (previous) => previous,
    staleTime: 30_000,
  });
}

/** The name of an appointment's lead or contact, for the drawer. */
export function usePartyName(kind: PartyKind, id: string | null, enabled: boolean) {
  return useQuery({
    queryKey: [kind === 'lead' ? 'leads' : 'contacts', 'scheduling-name', id],
    queryFn: async ({ signal }) => {
      const path = v1(`${kind === 'lead' ? 'leads' : 'contacts'}/${encodeURIComponent(id ?? '')}`);
      const schema = kind === 'lead' ? leadSchema.pick(NAME) : contactSchema.pick(NAME);
      const record = await api.get(path, { schema, signal });
      return `${record.firstName} ${record.lastName}`;
    },
    enabled: enabled && id !== null,
  });
}
