import { PROJECT_STATUSES, type Project, projectCreateInput } from '@tessera/contracts';
import { useMemo } from 'react';
import { Link } from 'react-router';
import type { GridColumn } from '../../../components/records/data-grid';
import { ownerLabel, personOptions } from '../../../components/records/person-options';
import { RecordListPage } from '../../../components/records/record-list-page';
import { type RecordListConfig, useRecordList } from '../../../components/records/record-list-view';
import { useCompanyOptions } from '../../../components/records/use-company-options';
import { Badge } from '../../../components/ui/badge';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { enumOptions, humanize } from '../../../lib/records/labels';
import type { FilterSpec } from '../../../lib/records/list-query';
import { projectRecords } from '../api/projects';
import { emptyProjectValues, projectFields, toProjectInput } from './project-fields';

export const projectStatusTone = (status: Project['status']) =>
  status === 'active'
    ? 'success'
    : status === 'on_hold'
      ? 'warning'
      : status === 'cancelled'
        ? 'danger'
        : status === 'completed'
          ? 'neutral'
          : 'info';
const day = (value: string | null) => (value ? formatDate(`${value}T00:00`) : '—');

/** `/projects`: the projects grid (status, client, manager filters; search by name or code), "New project". */
export function ProjectsPage({ directory }: { directory: PeopleDirectory }) {
  const me = useSession();
  const canManage = usePermission('projects.manage');
  const canSeeMoney = usePermission('fields.money.view');
  const create = projectRecords.useCreate();
  const companies = useCompanyOptions();
  const managers = useMemo(() => personOptions(directory, me.user.id, me.user.name), [directory, me.user]);
  const config = useMemo((): RecordListConfig<Project> => {
    const specs: FilterSpec[] = [
      { key: 'status', label: 'Status', kind: 'select', options: enumOptions(PROJECT_STATUSES) },
      ...(companies.options
        ? [{ key: 'companyId', label: 'Client', kind: 'select' as const, options: companies.options }]
        : []),
      {
        key: 'managerId',
        label: 'Manager',
        kind: 'select',
        options: [{ value: 'me', label: 'Me' }, ...managers.filter((m) => m.value !== me.user.id)],
      },
    ];
    const companyName = (id: string | null) =>
      id ? (companies.options?.find((c) => c.value === id)?.label ?? '—') : '—';
    const columns: GridColumn<Project>[] = [
      {
        key: 'code',
        label: 'Code',
        header: 'Code',
        sortField: 'code',
        cell: (p) => <span className="font-mono text-xs">{p.code}</span>,
      },
      {
        key: 'name',
        label: 'Name',
        header: 'Name',
        sortField: 'name',
        cell: (p) => (
          <Link
            to={`/projects/${p.id}`}
            className="font-medium text-indigo-600 hover:underline dark:text-indigo-400"
          >
            {p.name}
          </Link>
        ),
      },
      {
        key: 'status',
        label: 'Status',
        header: 'Status',
        cell: (p) => <Badge tone={projectStatusTone(p.status)}>{humanize(p.status)}</Badge>,
      },
      { key: 'client', label: 'Client', header: 'Client', cell: (p) => companyName(p.companyId) },
      {
        key: 'manager',
        label: 'Manager',
        header: 'Manager',
        cell: (p) => (p.managerId ? ownerLabel(directory, me.user.id, p.managerId) : '—'),
      },
      {
        key: 'startDate',
        label: 'Start',
        header: 'Start',
        sortField: 'startDate',
        cell: (p) => day(p.startDate),
      },
      { key: 'endDate', label: 'End', header: 'End', cell: (p) => day(p.endDate) },
      {
        key: 'budgetHours',
        label: 'Budget',
        header: 'Budget',
        className: 'text-right tabular-nums',
        cell: (p) => (p.budgetHours === null ? '—' : `${p.budgetHours} h`),
      },
      { key: 'billingMode', label: 'Billing', header: 'Billing', cell: (p) => humanize(p.billingMode) },
    ];
    return {
      grid: 'projects',
      label: 'Projects',
      noun: 'projects',
      searchLabel: 'Search by name or code',
      specs,
      defaultSort: 'name',
      columns,
      defaultColumns: ['code', 'name', 'status', 'client', 'manager', 'startDate', 'endDate', 'budgetHours'],
      rowKey: (p) => p.id,
      rowLabel: (p) => p.name,
      queryOptions: (state) => projectRecords.listOptions(state, specs),
    };
  }, [companies.options, managers, directory, me.user.id]);
  const fields = projectFields({ managers, companies: companies.options, canSeeMoney });
  return (
    <RecordListPage
      title="Projects"
      description="Plan projects, staff them and follow their hours and costs against the budget."
      list={useRecordList(config)}
      emptyTitle="No projects yet"
      emptyDescription="Create the first project, give it a budget and assign your people."
      newRecord={
        canManage
          ? {
              label: 'New project',
              submitLabel: 'Create project',
              schema: projectCreateInput,
              fields,
              initialValues: emptyProjectValues(me.user.id),
              toInput: (v) => toProjectInput(v, fields),
              create: async (input) => `/projects/${(await create.mutateAsync(input)).id}`,
            }
          : undefined
      }
    />
  );
}
