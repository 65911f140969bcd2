import { JOB_PRIORITIES, JOB_STATUSES, type Job } from '@tessera/contracts';
import { useMemo } from 'react';
import { RecordListPage } from '../../../components/records/record-list-page';
import { type RecordListConfig, useRecordList } from '../../../components/records/record-list-view';
import { usePermission } from '../../../hooks/use-permission';
import { endOfDay, type FilterSpec, startOfDay } from '../../../lib/records/list-query';
import { ARCHIVED_FILTER } from '../../../lib/records/record-filters';
import { crewName, jobRecords, useCrews } from '../api/jobs';
import { JOB_PRIORITY_LABELS, JOB_STATUS_LABELS } from '../job-status';
import { JOB_DEFAULT_COLUMNS, jobColumns } from './job-columns';
import { useNewJobForm } from './job-form';

/** The jobs grid's filters: what `GET /jobs` filters by (status, priority, kind, crew, skill, window). */
export function jobFilters(crews: readonly { id: string; name: string }[]): FilterSpec[] {
  return [
    {
      key: 'status',
      label: 'Status',
      kind: 'multi',
      options: JOB_STATUSES.map((status) => ({ value: status, label: JOB_STATUS_LABELS[status] })),
    },
    {
      key: 'priority',
      label: 'Priority',
      kind: 'multi',
      options: JOB_PRIORITIES.map((priority) => ({ value: priority, label: JOB_PRIORITY_LABELS[priority] })),
    },
    {
      key: 'kind',
      label: 'Kind',
      kind: 'select',
      options: [
        { value: 'job', label: 'Jobs' },
        { value: 'load', label: 'Loads' },
      ],
    },
    {
      key: 'crewId',
      label: 'Crew',
      kind: 'select',
      options: [
        { value: 'mine', label: 'My crews' },
        { value: 'none', label: 'Unassigned' },
        ...crews.map((crew) => ({ value: crew.id, label: crew.name })),
      ],
    },
    { key: 'skill', label: 'Skill', kind: 'text' },
    { key: 'from', label: 'Scheduled from', kind: 'date', toParam: startOfDay },
    { key: 'to', label: 'Scheduled to', kind: 'date', toParam: endOfDay },
    ARCHIVED_FILTER,
  ];
}

/** `/jobs`: the jobs grid (filters, sort, search, columns) and "New job" (jobs.manage). */
export function JobsPage() {
  const canCreate = usePermission('jobs.manage');
  const crews = useCrews();
  const form = useNewJobForm(canCreate);
  const config = useMemo((): RecordListConfig<Job> => {
    const specs = jobFilters(crews.data ?? []);
    return {
      grid: 'jobs',
      label: 'Jobs',
      noun: 'jobs',
      searchLabel: 'Search jobs',
      specs,
      defaultSort: '-createdAt',
      columns: jobColumns((id) => crewName(crews.data, id)),
      defaultColumns: JOB_DEFAULT_COLUMNS,
      rowKey: (job) => job.id,
      rowLabel: (job) => job.title,
      queryOptions: (state) => jobRecords.listOptions(state, specs),
    };
  }, [crews.data]);
  const list = useRecordList(config);

  return (
    <RecordListPage
      title="Jobs"
      description="On-site jobs and loads, from booking to sign-off."
      list={list}
      emptyTitle="No jobs yet"
      emptyDescription="Create one here, or from a company, contact, deal or invoice."
      newRecord={canCreate ? form : undefined}
    />
  );
}
