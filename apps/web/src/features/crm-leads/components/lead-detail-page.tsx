import type { RelatedRef } from '@tessera/contracts';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { EmailLink, PhoneLink } from '../../../components/records/contact-links';
import { DetailLayout } from '../../../components/records/detail-layout';
import { ownerLabel, personOptions } from '../../../components/records/person-options';
import { RecordLink } from '../../../components/records/record-link';
import { RecordPanels } from '../../../components/records/record-panels';
import { RecordTimeline } from '../../../components/records/record-timeline';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Menu, type MenuItem } from '../../../components/ui/menu';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { formatDateTime } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { formatMoney } from '../../../lib/records/money';
import { useDeleteLead } from '../api/delete-lead';
import { leadRecords } from '../api/leads';
import { AssignLeadDialog } from './assign-lead-dialog';
import { ConvertLeadDialog, type PipelineChoice } from './convert-lead-dialog';
import { EditLeadDialog } from './edit-lead-dialog';
import { LeadStatusBadge } from './lead-status-badge';
import { allowedStatuses, LeadStatusDialog } from './lead-status-dialog';

export interface LeadDetailPageProps {
  directory: PeopleDirectory;
  pipelines?: readonly PipelineChoice[] | undefined;
  /** "Log a call" / "Add a task", composed by the app from the activities and tasks features. */
  recordActions?: (related: RelatedRef) => ReactNode;
}

type DialogName = 'edit' | 'status' | 'assign' | 'convert' | 'delete';

/** `/leads/:id`: header, quick actions, details and the timeline. */
export function LeadDetailPage({ directory, pipelines, recordActions }: LeadDetailPageProps) {
  const { id = '' } = useParams();
  const me = useSession();
  const lead = leadRecords.useRecord(id);
  const canUpdate = usePermission('leads.update');
  const canDelete = usePermission('leads.delete');
  const archive = leadRecords.useArchive();
  const remove = useDeleteLead();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<DialogName | null>(null);
  useDocumentTitle(lead.data?.fullName ?? 'Lead');
  const reload = () => void lead.refetch();
  const close = () => setDialog(null);
  const data = lead.data;
  const owner = (ownerId: string | null) => ownerLabel(directory, me.user.id, ownerId);

  const more: MenuItem[] = data
    ? [
        ...(canUpdate ? [{ key: 'assign', label: 'Assign…', onSelect: () => setDialog('assign') }] : []),
        ...(canDelete
          ? [
              {
                key: 'archive',
                label: data.archivedAt ? 'Restore' : 'Archive',
                onSelect: () => archive.mutate({ id, archived: !data.archivedAt }),
              },
              { key: 'delete', label: 'Delete…', onSelect: () => setDialog('delete') },
            ]
          : []),
      ]
    : [];

  return (
    <>
      <DetailLayout
        back={{ to: '/leads', label: 'Leads' }}
        noun="lead"
        isLoading={lead.isPending}
        error={lead.error}
        onRetry={reload}
        title={data?.fullName}
        meta={
          data ? (
            <>
              <LeadStatusBadge status={data.status} />
              {data.archivedAt ? <Badge>Archived</Badge> : null}
              <span>Owner: {owner(data.ownerId)}</span>
              <span>Score: {data.score ?? 'not scored'}</span>
              <span>Value: {formatMoney(data.estimatedValueCents, data.currency)}</span>
              {data.companyName ? <span>{data.companyName}</span> : null}
            </>
          ) : null
        }
        actions={
          data ? (
            <>
              {recordActions?.({ type: 'lead', id })}
              {canUpdate && allowedStatuses(data.status).length > 0 ? (
                <Button variant="secondary" onClick={() => setDialog('status')}>
                  Change status
                </Button>
              ) : null}
              {canUpdate && !data.convertedAt ? (
                <Button variant="secondary" onClick={() => setDialog('convert')}>
                  Convert
                </Button>
              ) : null}
              {canUpdate ? <Button onClick={() => setDialog('edit')}>Edit</Button> : null}
              {more.length > 0 ? <Menu label="More actions" trigger="More" items={more} /> : null}
            </>
          ) : null
        }
        notice={data?.convertedAt ? <ConvertedNotice lead={data} /> : null}
        fields={
          data
            ? [
                { label: 'Email', value: <EmailLink value={data.email} /> },
                { label: 'Phone', value: <PhoneLink value={data.phone} /> },
                { label: 'Company', value: data.companyName ?? '—' },
                { label: 'Source', value: data.source ?? '—' },
                { label: 'Tags', value: data.tags.length ? data.tags.join(', ') : '—' },
                ...(data.statusReason ? [{ label: 'Status reason', value: data.statusReason }] : []),
                { label: 'Created', value: formatDateTime(data.createdAt) },
                { label: 'Updated', value: formatDateTime(data.updatedAt) },
              ]
            : undefined
        }
      >
        <div className="space-y-6">
          <RecordPanels type="lead" id={id} />
          <RecordTimeline type="lead" id={id} actorName={(userId) => owner(userId)} />
        </div>
      </DetailLayout>
      {data ? (
        <>
          <EditLeadDialog lead={data} open={dialog === 'edit'} onClose={close} onReload={reload} />
          <LeadStatusDialog lead={data} open={dialog === 'status'} onClose={close} onReload={reload} />
          <AssignLeadDialog
            lead={data}
            owners={personOptions(directory, me.user.id, me.user.name)}
            open={dialog === 'assign'}
            onClose={close}
            onReload={reload}
          />
          <ConvertLeadDialog
            lead={data}
            pipelines={pipelines}
            open={dialog === 'convert'}
            onClose={close}
            onReload={reload}
          />
          <ConfirmDialog
            open={dialog === 'delete'}
            onClose={close}
            title="Delete lead"
            confirmLabel="Delete"
            pending={remove.isPending}
            error={remove.error}
            onConfirm={() => remove.mutate(id, { onSuccess: () => void navigate('/leads') })}
          >
            Delete {data.fullName}? This cannot be undone.
          </ConfirmDialog>
        </>
      ) : null}
    </>
  );
}

function ConvertedNotice({ lead }: { lead: NonNullable<ReturnType<typeof leadRecords.useRecord>['data']> }) {
  const link = 'font-medium underline';
  return (
    <Alert tone="success" title={`Converted ${formatDateTime(lead.convertedAt)}`}>
      {lead.convertedContactId ? (
        <RecordLink className={link} type="contact" id={lead.convertedContactId}>
          Contact
        </RecordLink>
      ) : null}
      {lead.convertedCompanyId ? (
        <>
          {' · '}
          <RecordLink className={link} type="company" id={lead.convertedCompanyId}>
            Company
          </RecordLink>
        </>
      ) : null}
      {lead.convertedDealId ? (
        <>
          {' · '}
          <RecordLink className={link} type="deal" id={lead.convertedDealId}>
            Deal
          </RecordLink>
        </>
      ) : null}
    </Alert>
  );
}
