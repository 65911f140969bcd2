import { type Deal, dealUpdateInput, type RelatedRef } from '@tessera/contracts';
import { type ReactNode, useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { personOptions } from '../../../components/records/person-options';
import { RecordDetailPage } from '../../../components/records/record-detail-page';
import { Alert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate, formatDateTime } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { humanize } from '../../../lib/records/labels';
import { formatMoney } from '../../../lib/records/money';
import { recordPath } from '../../../lib/records/record-types';
import { useContactForDeal, useDealReferenceOptions } from '../api/deal-references';
import { dealRecords } from '../api/deals';
import { useCompanyName } from '../api/get-company-name';
import { usePipelines } from '../api/list-pipelines';
import { dealFields, dealFormValues, toDealUpdateInput, withCurrent } from './deal-fields';
import { DealStageActions } from './deal-stage-actions';

/** A date-only value (`2026-05-01`) as local midnight, so it shows as that day in every time zone. */
const localDay = (day: string | null) => (day ? `${day}T00:00` : null);

const link = 'font-medium text-indigo-600 hover:underline dark:text-indigo-400';

export const dealStatusTone = (status: Deal['status']) =>
  status === 'won' ? 'success' : status === 'lost' ? 'danger' : 'info';

/** The deal's company and contact as links (names fetched once, cached with their areas). */
function useDealParties(deal: Deal | undefined) {
  const companyName = useCompanyName(deal?.companyId ?? null);
  const contact = useContactForDeal(deal?.contactId ?? undefined);
  const company = deal?.companyId ? (
    <Link className={link} to={recordPath('company', deal.companyId)}>
      {companyName ?? 'Company'}
    </Link>
  ) : (
    '—'
  );
  const person = deal?.contactId ? (
    <Link className={link} to={recordPath('contact', deal.contactId)}>
      {contact.data ? `${contact.data.firstName} ${contact.data.lastName}` : 'Contact'}
    </Link>
  ) : (
    '—'
  );
  return {
    company,
    person,
    companyName,
    contactName: contact.data && `${contact.data.firstName} ${contact.data.lastName}`,
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

  return (
    <RecordDetailPage<Deal, ReturnType<typeof dealUpdateInput.parse>>
      type="deal"
      noun="deal"
      records={dealRecords}
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
                  <Link className={link} to={recordPath('lead', record.leadId)}>
                    Open lead
                  </Link>
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
