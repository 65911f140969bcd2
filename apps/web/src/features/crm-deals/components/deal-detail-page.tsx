import { type Deal, dealUpdateInput, type RelatedRef } from '@tessera/contracts';
import { type ReactNode, useMemo } from 'react';
import { useParams } from 'react-router';
import { personOptions } from '../../../components/records/person-options';
import { RecordDetailPage } from '../../../components/records/record-detail-page';
import { RecordLink } from '../../../components/records/record-link';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { humanize } from '../../../lib/records/labels';
import { formatMoney } from '../../../lib/records/money';
import { useDealReferenceOptions } from '../api/deal-references';
import { dealRecords } from '../api/deals';
import { usePipelines } from '../api/list-pipelines';
import { dealFields, dealFormValues, toDealUpdateInput, withCurrent } from './deal-fields';
import { DealStageActions } from './deal-stage-actions';

/** A date-only value (`2026-05-01`) as local midnight, so it shows as that day in every time zone. */
const localDay = (day: string | null) => (day ? `${day}T00:00` : null);

const _link = 'font-medium text-indigo-600 hover:underline dark:text-indigo-400';

export const dealStatusTone = (status: Deal['status']) =>
  status === 'won' ? 'success' : status === 'lost' ? 'danger' : 'info';

/**
 * The deal's company and contact by the names the API gives with the deal (`parties`), as links when the
 * viewer may open them and as plain names when not — no request for a record the viewer cannot see.
 */
function useDealParties(deal: Deal | undefined) {
  const company = deal?.parties?.company;
  const contact = deal?.parties?.contact;
  return {
    company: company ? (
      <RecordLink type="company" id={company.id} canOpen={company.canOpen}>
        {company.name}
      </RecordLink>
    ) : (
      '—'
    ),
    person: contact ? (
      <RecordLink type="contact" id={contact.id} canOpen={contact.canOpen}>
        {contact.name}
      </RecordLink>
    ) : (
      '—'
    ),
    companyName: company?.name,
    contactName: contact?.name,
  };
}

/** `/deals/:id`: amount, stage, probability, close date, owner, company / contact; won / lost, move, edit, archive; timeline. */
export function DealDetailPage({
  directory,
  recordActions,
}: {
  directory: PeopleDirectory;
  recordActions?: ((related: RelatedRef) => ReactNode) | undefined;
}) {
  const { id = '' } = useParams();
  const me = useSession();
  const deal = dealRecords.useRecord(id).data;
  const pipelines = usePipelines();
  const pipeline = pipelines.data?.find((item) => item.id === deal?.pipelineId);
  const stage = pipeline?.stages.find((item) => item.id === deal?.stageId);
  const canSeeMoney = usePermission('fields.money.view');
  const canMove = usePermission('deals.update');
  const references = useDealReferenceOptions(canMove);
  const parties = useDealParties(deal);
  const owners = useMemo(() => personOptions(directory, me.user.id, me.user.name), [directory, me.user]);
  const editFields = useMemo(
    () =>
      dealFields({
        canSeeMoney,
        owners,
        companies:
          references.companies && withCurrent(references.companies, deal?.companyId, parties.companyName),
        contacts:
          references.contacts && withCurrent(references.contacts, deal?.contactId, parties.contactName),
      }),
    [
      canSeeMoney,
      owners,
      references.companies,
      references.contacts,
      deal?.companyId,
      deal?.contactId,
      parties.companyName,
      parties.contactName,
    ],
  );
  const stageName = stage?.name ?? '—';
  /** The timeline's stage and pipeline changes by name ("Stage: Qualification → Proposal"). */
  const refName = (field: string, refId: string) => {
    if (field === 'pipelineId') return pipelines.data?.find((p) => p.id === refId)?.name;
    if (field === 'stageId')
      return pipelines.data?.flatMap((p) => p.stages).find((item) => item.id === refId)?.name;
    if (field === 'companyId' && refId === deal?.companyId) return parties.companyName ?? undefined;
    if (field === 'contactId' && refId === deal?.contactId) return parties.contactName ?? undefined;
    return undefined;
  };

  return (
    <RecordDetailPage<Deal, ReturnType<typeof dealUpdateInput.parse>>
      type="deal"
      noun="deal"
      records={dealRecords}
      refName={refName}
      back={{ to: pipeline ? `/deals?pipeline=${pipeline.id}` : '/deals', label: 'Deals' }}
      updatePermission="deals.update"
      archivePermission="deals.delete"
      title={(record) => record.title}
      meta={(record, owner) => (
        <>
          <Badge tone={dealStatusTone(record.status)} data-testid="deal-status">
            {humanize(record.status)}
          </Badge>
          <span data-testid="deal-stage">{stageName}</span>
          {canSeeMoney ? (
            <span className="font-medium tabular-nums text-zinc-900 dark:text-zinc-100">
              {formatMoney(record.amountCents, record.currency)}
            </span>
          ) : null}
          <span>Owner: {owner(record.ownerId)}</span>
        </>
      )}
      actions={(record) =>
        canMove && !record.archivedAt ? <DealStageActions deal={record} pipeline={pipeline} /> : null
      }
      notice={(record) =>
        record.status === 'won' ? (
          <Alert tone="success" title="This deal was won">
            Closed {formatDateTime(record.closedAt)}.
          </Alert>
        ) : record.status === 'lost' ? (
          <Alert tone="danger" title="This deal was lost">
            {record.lostReason ? `Reason: ${record.lostReason}. ` : ''}Closed{' '}
            {formatDateTime(record.closedAt)}.
          </Alert>
        ) : null
      }
      fields={(record) => [
        ...(canSeeMoney
          ? [{ label: 'Amount', value: formatMoney(record.amountCents, record.currency) }]
          : []),
        { label: 'Stage', value: `${stageName}${pipeline ? ` · ${pipeline.name}` : ''}` },
        { label: 'Probability', value: stage ? `${stage.probability}%` : '—' },
        { label: 'Expected close', value: formatDate(localDay(record.expectedCloseDate)) },
        { label: 'Company', value: parties.company },
        { label: 'Contact', value: parties.person },
        ...(record.leadId
          ? [
              {
                label: 'From lead',
                value: (
                  <RecordLink type="lead" id={record.leadId}>
                    Open lead
                  </RecordLink>
                ),
              },
            ]
          : []),
        { label: 'Tags', value: record.tags.join(', ') || '—' },
        { label: 'Created', value: formatDateTime(record.createdAt) },
      ]}
      edit={{
        schema: dealUpdateInput,
        fields: editFields,
        initialValues: (record) => dealFormValues(record),
        toInput: (values, version) => toDealUpdateInput(values, editFields, version),
      }}
      directory={directory}
      recordActions={recordActions}
    />
  );
}
