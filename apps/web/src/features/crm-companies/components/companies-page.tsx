import { type Company, companyCreateInput } from '@tessera/contracts';
import { type ReactNode, useMemo, useState } from 'react';
import { standardBulkActions } from '../../../components/records/bulk-action-dialog';
import { ExportMenu } from '../../../components/records/export-menu';
import { ownerLabel, personOptions } from '../../../components/records/person-options';
import { RecordBulkBar, useCanBulk } from '../../../components/records/record-bulk-bar';
import { RecordListPage } from '../../../components/records/record-list-page';
import { type RecordListConfig, useRecordList } from '../../../components/records/record-list-view';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import type { PeopleDirectory } from '../../../lib/people';
import { RECORD_DEFAULT_SORT, recordFilters } from '../../../lib/records/record-filters';
import { companyRecords } from '../api/companies';
import { COMPANY_DEFAULT_COLUMNS, companyColumns } from './company-columns';
import { COMPANY_FIELDS, companyFormValues, toCompanyInput } from './company-fields';

const NOUNS = { one: 'company', many: 'companies' };
const BULK = { update: 'companies.update', delete: 'companies.delete' } as const;
const ACTIONS = standardBulkActions(NOUNS);

/** `/companies`: the companies grid (bulk actions, export) and "New company". */
export function CompaniesPage({
  directory,
  importAction,
}: {
  directory: PeopleDirectory;
  importAction?: ReactNode;
}) {
  const me = useSession();
  const canCreate = usePermission('companies.create');
  const create = companyRecords.useCreate();
  const canBulk = useCanBulk(BULK);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const owners = useMemo(() => personOptions(directory, me.user.id, me.user.name), [directory, me.user]);
  const config = useMemo((): RecordListConfig<Company> => {
    const specs = recordFilters(personOptions(directory, me.user.id, me.user.name));
    return {
      grid: 'companies',
      label: 'Companies',
      noun: 'companies',
      searchLabel: 'Search companies',
      specs,
      defaultSort: RECORD_DEFAULT_SORT,
      columns: companyColumns((id) => ownerLabel(directory, me.user.id, id)),
      defaultColumns: COMPANY_DEFAULT_COLUMNS,
      rowKey: (company) => company.id,
      rowLabel: (company) => company.name,
      queryOptions: (state) => companyRecords.listOptions(state, specs),
    };
  }, [directory, me.user]);
  const list = useRecordList(config);

  return (
    <RecordListPage
      title="Companies"
      description="Organisations, their people and their history."
      list={list}
      emptyTitle="No companies yet — create one or import a CSV"
      emptyDescription="Companies are also created when you convert a lead."
      actions={importAction}
      toolbar={<ExportMenu path="companies" permission="companies.export" list={list} />}
      selection={canBulk ? { selected, onChange: setSelected } : undefined}
      notice={
        <RecordBulkBar
          path="companies"
          nouns={NOUNS}
          permissions={BULK}
          actions={ACTIONS}
          selected={selected}
          onClear={() => setSelected(new Set())}
          nameOf={(id) => list.list.rows?.find((row) => row.id === id)?.name}
          owners={owners}
        />
      }
      newRecord={
        canCreate
          ? {
              label: 'New company',
              submitLabel: 'Create company',
              schema: companyCreateInput,
              fields: COMPANY_FIELDS,
              initialValues: companyFormValues(),
              toInput: (values) => toCompanyInput(values),
              create: async (input) => `/companies/${(await create.mutateAsync(input)).id}`,
            }
          : undefined
      }
    />
  );
}
