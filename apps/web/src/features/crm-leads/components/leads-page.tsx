import { type Lead, leadCreateInput } from '@tessera/contracts';
import { type ReactNode, useMemo, useState } from 'react';
import { ownerLabel, personOptions } from '../../../components/records/person-options';
import { RecordListPage } from '../../../components/records/record-list-page';
import { type RecordListConfig, useRecordList } from '../../../components/records/record-list-view';
import { UsersIcon } from '../../../components/ui/icons';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import type { PeopleDirectory } from '../../../lib/people';
import { leadRecords } from '../api/leads';
import { LEAD_DEFAULT_SORT, leadFilters } from '../lead-filters';
import { DuplicateEmailNotice } from './duplicate-email-notice';
import { LeadBulkBar } from './lead-bulk-bar';
import { LEAD_DEFAULT_COLUMNS, leadColumns } from './lead-columns';
import { leadFields, leadFormValues, toLeadCreateInput } from './lead-form-fields';
import { LeadsToolbar } from './leads-toolbar';

export interface LeadsPageProps {
  directory: PeopleDirectory;
  /** "Import CSV" (the import wizard), composed by the app. */
  importAction?: ReactNode;
}

/** `/leads`: the leads grid (URL filters, sort, search, columns, saved views, bulk actions, export). */
export function LeadsPage({ directory, importAction }: LeadsPageProps) {
  const me = useSession();
  const canCreate = usePermission('leads.create');
  const canSeeMoney = usePermission('fields.money.view');
  const canUpdate = usePermission('leads.update');
  const canDelete = usePermission('leads.delete');
  const canBulk = canUpdate || canDelete;
  const create = leadRecords.useCreate();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());

  const owners = useMemo(() => personOptions(directory, me.user.id, me.user.name), [directory, me.user]);
  const config = useMemo((): RecordListConfig<Lead> => {
    const specs = leadFilters(
      owners.filter((owner) => owner.value !== me.user.id),
      canSeeMoney,
    );
    return {
      grid: 'leads',
      label: 'Leads',
      noun: 'leads',
      searchLabel: 'Search leads',
      specs,
      defaultSort: LEAD_DEFAULT_SORT,
      columns: leadColumns((id) => ownerLabel(directory, me.user.id, id), canSeeMoney),
      defaultColumns: LEAD_DEFAULT_COLUMNS,
      rowKey: (lead) => lead.id,
      rowLabel: (lead) => lead.fullName,
      queryOptions: (state) => leadRecords.listOptions(state, specs),
    };
  }, [owners, canSeeMoney, directory, me.user.id]);
  const leads = useRecordList(config);

  return (
    <RecordListPage
      title="Leads"
      description="Capture, qualify and convert incoming leads."
      icon={<UsersIcon />}
      list={leads}
      emptyTitle="No leads yet — create one or import a CSV"
      emptyDescription="Leads you add with “New lead”, import from a spreadsheet or receive from your website show up here."
      actions={importAction}
      toolbar={<LeadsToolbar list={leads} />}
      selection={canBulk ? { selected, onChange: setSelected } : undefined}
      notice={
        <LeadBulkBar
          selected={selected}
          onClear={() => setSelected(new Set())}
          rows={leads.list.rows}
          owners={owners}
        />
      }
      newRecord={
        canCreate
          ? {
              label: 'New lead',
              submitLabel: 'Create lead',
              schema: leadCreateInput,
              fields: leadFields({
                canSeeMoney,
                owners: [{ value: '', label: 'Unassigned' }, ...owners],
                emailNotice: (email) => <DuplicateEmailNotice email={email} />,
              }),
              initialValues: leadFormValues(undefined, me.user.id),
              toInput: (values) => toLeadCreateInput(values, canSeeMoney),
              create: async (input) => `/leads/${(await create.mutateAsync(input)).id}`,
            }
          : undefined
      }
    />
  );
}
