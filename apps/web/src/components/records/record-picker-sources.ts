import { companySchema, contactSchema, type Permission } from '@tessera/contracts';
import type { Parser } from '../../lib/api-client';
import { v1 } from '../../lib/endpoints';
import { fetchListPage } from '../../lib/records/list-page';

/** A record picked in a `RecordPicker`: its id, the name the field shows, and a detail line in the list. */
export interface PickedRecord {
  id: string;
  name: string;
  /** Told apart from namesakes in the list (a contact's company and e-mail). */
  detail?: string;
}

/** Where a `RecordPicker` searches: a record type's list endpoint (`GET /<area>?q=&sort=`) and its labels. */
export interface PickerSource {
  /** The list endpoint, and the query-key area (the records' changes refresh the picker). */
  area: string;
  /** Needed to list them; without it the field is disabled and says so. */
  permission: Permission;
  /** "companies", "contacts": in "Type to search contacts", "No contact matches". */
  noun: { one: string; many: string };
  /** The matching records (blank `q`: the first ones in the source's order). */
  search: (q: string, limit: number, signal: AbortSignal) => Promise<PickedRecord[]>;
}

/** A source over a list endpoint whose items `item` parses and `label` names. */
function listSource<T>(
  source: Omit<PickerSource, 'search'> & { sort: string; item: Parser<T>; label: (item: T) => PickedRecord },
): PickerSource {
  const { sort, item, label, ...rest } = source;
  return {
    ...rest,
    search: async (q, limit, signal) =>
      (await fetchListPage(v1(rest.area), item, { sort, limit, ...(q ? { q } : {}) }, signal)).items.map(
        label,
      ),
  };
}

const personName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`.trim();
const details = (...parts: (string | null | undefined)[]) => parts.filter(Boolean).join(' · ') || undefined;

/** The record types a form field can pick by searching (RecordForm `kind: 'company' | 'contact'`). */
export const pickerSources = {
  company: listSource({
    area: 'companies',
    permission: 'companies.view',
    noun: { one: 'company', many: 'companies' },
    sort: 'name',
    item: companySchema,
    label: (c) => ({ id: c.id, name: c.name }),
  }),
  contact: listSource({
    area: 'contacts',
    permission: 'contacts.view',
    noun: { one: 'contact', many: 'contacts' },
    sort: 'lastName',
    item: contactSchema,
    label: (c) => ({ id: c.id, name: personName(c), detail: details(c.companyName, c.email) }),
  }),
} satisfies Record<string, PickerSource>;
