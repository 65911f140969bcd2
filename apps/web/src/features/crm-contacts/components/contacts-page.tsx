import { type Contact, contactCreateInput } from '@tessera/contracts';
import { type ReactNode, useMemo, useState } from 'react';
import { standardBulkActions } from '../../../components/records/bulk-action-dialog';
import { ExportMenu } from '../../../components/records/export-menu';
import { ownerLabel, personOptions } from '../../../components/records/person-options';
import { RecordBulkBar, useCanBulk } from '../../../components/records/record-bulk-bar';
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

const NOUNS = { one: 'contact', many: 'contacts' };
const BULK = { update: 'contacts.update', delete: 'contacts.delete' } as const;
const ACTIONS = standardBulkActions(NOUNS);

/** `/contacts`: the contacts grid (bulk actions, export) and "New contact". */
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
  const canBulk = useCanBulk(BULK);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const owners = useMemo(() => personOptions(directory, me.user.id, me.user.name), [directory, me.user]);
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
  const list = useRecordList(config);

  return (
    <RecordListPage
      title="Contacts"
      description="Everyone you work with, in one place."
      icon={<UsersIcon />}
      list={list}
      emptyTitle="No contacts yet — create one or import a CSV"
      emptyDescription="Contacts are also created when you convert a lead."
      actions={importAction}
      toolbar={<ExportMenu path="contacts" permission="contacts.export" list={list} />}
      selection={canBulk ? { selected, onChange: setSelected } : undefined}
      notice={
        <RecordBulkBar
          path="contacts"
          nouns={NOUNS}
          permissions={BULK}
          actions={ACTIONS}
          selected={selected}
          onClear={() => setSelected(new Set())}
          nameOf={(id) => {
            const row = list.list.rows?.find((contact) => contact.id === id);
            return row ? `${row.firstName} ${row.lastName}` : undefined;
          }}
          owners={owners}
        />
      }
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
