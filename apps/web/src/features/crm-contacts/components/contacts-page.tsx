import { type Contact, contactCreateInput } from '@tessera/contracts';
import { type ReactNode, useMemo } from 'react';
import { ownerLabel, personOptions } from '../../../components/records/person-options';
import { RecordListPage } from '../../../components/records/record-list-page';
import { type RecordListConfig, useRecordList } from '../../../components/records/record-list-view';
import { useCompanyOptions } from '../../../components/records/use-company-options';
import { UsersIcon } from '../../../components/ui/icons';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import type { PeopleDirectory } from '../../../lib/people';
import { RECORD_DEFAULT_SORT, recordFilters } from '../../../lib/records/record-filters';
import { contactRecords } from '../api/contacts';
import { CONTACT_DEFAULT_COLUMNS, contactColumns } from './contact-columns';
import { contactFields, contactFormValues, toContactInput } from './contact-fields';

/** `/contacts`: the contacts grid and "New contact". */
export function ContactsPage({
  directory,
  importAction,
}: {
  directory: PeopleDirectory;
  importAction?: ReactNode;
}) {
  const me = useSession();
  const canCreate = usePermission('contacts.create');
  const companies = useCompanyOptions(canCreate);
  const create = contactRecords.useCreate();
  const config = useMemo((): RecordListConfig<Contact> => {
    const specs = recordFilters(personOptions(directory, me.user.id, me.user.name));
    return {
      grid: 'contacts',
      label: 'Contacts',
      noun: 'contacts',
      searchLabel: 'Search contacts',
      specs,
      defaultSort: RECORD_DEFAULT_SORT,
      columns: contactColumns((id) => ownerLabel(directory, me.user.id, id)),
      defaultColumns: CONTACT_DEFAULT_COLUMNS,
      rowKey: (contact) => contact.id,
      rowLabel: (contact) => `${contact.firstName} ${contact.lastName}`,
      queryOptions: (state) => contactRecords.listOptions(state, specs),
    };
  }, [directory, me.user]);

  return (
    <RecordListPage
      title="Contacts"
      description="Everyone you work with, in one place."
      icon={<UsersIcon />}
      list={useRecordList(config)}
      emptyTitle="No contacts yet — create one or import a CSV"
      emptyDescription="Contacts are also created when you convert a lead."
      actions={importAction}
      newRecord={
        canCreate
          ? {
              label: 'New contact',
              submitLabel: 'Create contact',
              schema: contactCreateInput,
              fields: contactFields(companies.options),
              initialValues: contactFormValues(),
              toInput: (values) => toContactInput(values),
              create: async (input) => `/contacts/${(await create.mutateAsync(input)).id}`,
            }
          : undefined
      }
    />
  );
}
