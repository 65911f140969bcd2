import { type Company, companyCreateInput } from '@tessera/contracts';
import { type ReactNode, useMemo } from 'react';
import { ownerLabel, personOptions } from '../../../components/records/person-options';
import { RecordListPage } from '../../../components/records/record-list-page';
import { type RecordListConfig, useRecordList } from '../../../components/records/record-list-view';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import type { PeopleDirectory } from '../../../lib/people';
import { RECORD_DEFAULT_SORT, recordFilters } from '../../../lib/records/record-filters';
import { companyRecords } from '../api/companies';
import { COMPANY_DEFAULT_COLUMNS, companyColumns } from './company-columns';
import { COMPANY_FIELDS, companyFormValues, toCompanyInput } from './company-fields';

/** `/companies`: the companies grid and "New company". */
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

  return (
    <RecordListPage
      title="Companies"
      description="Organisations, their people and their history."
      list={useRecordList(config)}
      emptyTitle="No companies yet — create one or import a CSV"
      emptyDescription="Companies are also created when you convert a lead."
      actions={importAction}
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
