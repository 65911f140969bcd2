import type { Job } from '@tessera/contracts';
import { Link } from 'react-router';
import type { GridColumn } from '../../../components/records/data-grid';
import { Badge } from '../../../components/ui/badge';
import { formatDate, formatDateTime } from '../../../lib/format';
import { JOB_PRIORITY_LABELS, JOB_PRIORITY_TONES, JOB_STATUS_LABELS, JOB_STATUS_TONES } from '../job-status';

export const JOB_DEFAULT_COLUMNS = ['title', 'status', 'priority', 'crew', 'scheduledStart', 'siteAddress'];

const text = (value: string | null) => value ?? '—';

export function JobStatusBadge({ status }: { status: Job['status'] }) {
  return <Badge tone={JOB_STATUS_TONES[status]}>{JOB_STATUS_LABELS[status]}</Badge>;
}

export function JobPriorityBadge({ priority }: { priority: Job['priority'] }) {
  return <Badge tone={JOB_PRIORITY_TONES[priority]}>{JOB_PRIORITY_LABELS[priority]}</Badge>;
}

/** Every column the jobs grid can show. */
export function jobColumns(crewName: (id: string | null) => string): GridColumn<Job>[] {
  return [
    {
      key: 'title',
      label: 'Title',
      header: 'Title',
      sortField: 'title',
      cell: (job) => (
        <Link
          to={`/jobs/${job.id}`}
          className="font-medium text-zinc-900 hover:text-indigo-600 hover:underline dark:text-zinc-100 dark:hover:text-indigo-400"
        >
          {job.title}
        </Link>
      ),
    },
    {
      key: 'status',
      label: 'Status',
      header: 'Status',
      cell: (job) => <JobStatusBadge status={job.status} />,
    },
    {
      key: 'priority',
      label: 'Priority',
      header: 'Priority',
      sortField: 'priority',
      cell: (job) => <JobPriorityBadge priority={job.priority} />,
    },
    { key: 'kind', label: 'Kind', header: 'Kind', cell: (job) => (job.kind === 'load' ? 'Load' : 'Job') },
    { key: 'type', label: 'Type', header: 'Type', cell: (job) => text(job.type) },
    { key: 'crew', label: 'Crew', header: 'Crew', cell: (job) => crewName(job.crewId) },
    {
      key: 'scheduledStart',
      label: 'Scheduled',
      header: 'Scheduled',
      sortField: 'scheduledStart',
      className: 'whitespace-nowrap',
      cell: (job) => (job.scheduledStart ? formatDateTime(job.scheduledStart) : 'Not scheduled'),
    },
    {
      key: 'customer',
      label: 'On-site contact',
      header: 'On-site contact',
      cell: (job) => text(job.customerName),
    },
    { key: 'siteAddress', label: 'Site', header: 'Site', cell: (job) => text(job.siteAddress) },
    {
      key: 'skills',
      label: 'Skills',
      header: 'Skills',
      cell: (job) => job.requiredSkills.join(', ') || '—',
    },
    {
      key: 'createdAt',
      label: 'Created',
      header: 'Created',
      sortField: 'createdAt',
      className: 'whitespace-nowrap',
      cell: (job) => formatDate(job.createdAt),
    },
  ];
}
