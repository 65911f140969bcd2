import { type Job, jobUpdateInput } from '@tessera/contracts';
import { useParams } from 'react-router';
import { EmailLink, PhoneLink } from '../../../components/records/contact-links';
import { ownerLabel } from '../../../components/records/person-options';
import { RecordDetailPage } from '../../../components/records/record-detail-page';
import { RecordLink } from '../../../components/records/record-link';
import { useSession } from '../../../hooks/use-me';
import { formatDateTime } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { crewName, jobRecords, useCrews } from '../api/jobs';
import { AssignCrewButton } from './assign-crew-dialog';
import { JobHistoryCard, JobWorkCard } from './job-cards';
import { JobPriorityBadge, JobStatusBadge } from './job-columns';
import { jobFormValues, toJobInput } from './job-fields';
import { useCustomerName, useJobFields } from './job-form';
import { JobStatusActions } from './job-status-actions';

const window = (from: string | null, to: string | null) =>
  from && to ? `${formatDateTime(from)} – ${formatDateTime(to)}` : from ? formatDateTime(from) : '—';

/** The job's customer and deal as links (names when the viewer may see them). */
function CustomerLinks({ job }: { job: Job }) {
  const company = useCustomerName('companies', job.companyId);
  const contact = useCustomerName('contacts', job.contactId);
  const deal = useCustomerName('deals', job.dealId);
  if (!job.companyId && !job.contactId && !job.dealId) return <>Standalone job</>;
  return (
    <span className="flex flex-col gap-1">
      {job.companyId ? (
        <RecordLink type="company" id={job.companyId}>
          {company ?? 'Company'}
        </RecordLink>
      ) : null}
      {job.contactId ? (
        <RecordLink type="contact" id={job.contactId}>
          {contact ?? 'Contact'}
        </RecordLink>
      ) : null}
      {job.dealId ? (
        <RecordLink type="deal" id={job.dealId}>
          Deal: {deal ?? 'open'}
        </RecordLink>
      ) : null}
    </span>
  );
}

/**
 * `/jobs/:id`: the record kit's page for a job — details and Edit, Archive / Restore (jobs.manage), the next
 * status steps as buttons (jobs.work), Assign / Reassign (jobs.dispatch), the customer links, the checklist and
 * completion, the status history, and the files panel (photos).
 */
export function JobDetailPage({ directory }: { directory: PeopleDirectory }) {
  const { id = '' } = useParams();
  const me = useSession();
  const job = jobRecords.useRecord(id);
  const crews = useCrews();
  const editFields = useJobFields(Boolean(job.data), { job: job.data });
  const actorName = (userId: string | null) =>
    userId ? ownerLabel(directory, me.user.id, userId) : 'System';
  return (
    <RecordDetailPage
      type="job"
      noun="job"
      records={jobRecords}
      back={{ to: '/jobs', label: 'Jobs' }}
      updatePermission="jobs.manage"
      archivePermission="jobs.manage"
      title={(record) => record.title}
      meta={(record, owner) => (
        <>
          <JobStatusBadge status={record.status} />
          <JobPriorityBadge priority={record.priority} />
          {record.kind === 'load' ? <span>Load</span> : null}
          <span>Crew: {crewName(crews.data, record.crewId)}</span>
          <span>Owner: {owner(record.ownerId)}</span>
        </>
      )}
      actions={(record) => (
        <>
          <JobStatusActions job={record} />
          <AssignCrewButton job={record} />
        </>
      )}
      fields={(record) => [
        { label: 'Customer', value: <CustomerLinks job={record} /> },
        { label: 'Scheduled', value: window(record.scheduledStart, record.scheduledEnd) },
        {
          label: 'Estimated time',
          value: record.estimatedMinutes ? `${record.estimatedMinutes} min` : '—',
        },
        { label: 'Type', value: record.type ?? '—' },
        {
          label: 'Site',
          value: record.siteAddress ? (
            <a
              className="text-indigo-600 hover:underline dark:text-indigo-400"
              href={`https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(
                record.siteLat != null && record.siteLng != null
                  ? `${record.siteLat},${record.siteLng}`
                  : record.siteAddress,
              )}`}
              target="_blank"
              rel="noreferrer"
            >
              {record.siteAddress}
            </a>
          ) : (
            '—'
          ),
        },
        { label: 'On-site contact', value: record.customerName ?? '—' },
        { label: 'Phone', value: <PhoneLink value={record.customerPhone} /> },
        { label: 'E-mail', value: <EmailLink value={record.customerEmail} /> },
        { label: 'Required skills', value: record.requiredSkills.join(', ') || '—' },
        ...(record.kind === 'load'
          ? [
              { label: 'Pickup', value: record.pickupAddress ?? '—' },
              { label: 'Pickup window', value: window(record.pickupFrom, record.pickupTo) },
              { label: 'Delivery', value: record.deliveryAddress ?? '—' },
              { label: 'Delivery window', value: window(record.deliveryFrom, record.deliveryTo) },
              { label: 'Weight', value: record.weightKg != null ? `${record.weightKg} kg` : '—' },
              { label: 'Volume', value: record.volumeM3 != null ? `${record.volumeM3} m³` : '—' },
              { label: 'Reference', value: record.reference ?? '—' },
            ]
          : []),
        {
          label: 'Description',
          value: record.description ? <span className="whitespace-pre-wrap">{record.description}</span> : '—',
        },
        { label: 'Created', value: formatDateTime(record.createdAt) },
      ]}
      body={(record) => (
        <>
          <JobWorkCard job={record} />
          <JobHistoryCard id={record.id} actorName={actorName} />
        </>
      )}
      edit={{
        schema: jobUpdateInput,
        fields: editFields,
        initialValues: (record) => jobFormValues(record),
        toInput: (values, version) => ({ ...toJobInput(values, job.data), version }),
      }}
      directory={directory}
    />
  );
}
