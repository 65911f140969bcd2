import { companyUpdateInput, type RelatedRef } from '@tessera/contracts';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { DetailLayout } from '../../../components/records/detail-layout';
import { ownerLabel } from '../../../components/records/person-options';
import { RecordFormDialog } from '../../../components/records/record-form';
import { RecordTimeline } from '../../../components/records/record-timeline';
import { Button } from '../../../components/ui/button';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { formatDateTime } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { useCompany } from '../api/get-company';
import { useUpdateCompany } from '../api/update-company';
import { COMPANY_FIELDS, companyFormValues, toCompanyInput } from './company-fields';
import { CompanyRelated } from './company-related';

/** `/companies/:id`: fields, related contacts and deals, timeline, log activity / add task, edit. */
export function CompanyDetailPage({
  directory,
  recordActions,
}: {
  directory: PeopleDirectory;
  recordActions?: (related: RelatedRef) => ReactNode;
}) {
  const { id = '' } = useParams();
  const me = useSession();
  const company = useCompany(id);
  const update = useUpdateCompany();
  const canUpdate = usePermission('companies.update');
  const [editing, setEditing] = useState(false);
  const data = company.data;
  useDocumentTitle(data?.name ?? 'Company');
  const owner = (ownerId: string | null) => ownerLabel(directory, me.user.id, ownerId);
  const reload = () => void company.refetch();

  return (
    <>
      <DetailLayout
        back={{ to: '/companies', label: 'Companies' }}
        noun="company"
        isLoading={company.isPending}
        error={company.error}
        onRetry={reload}
        title={data?.name}
        meta={
          data ? (
            <>
              {data.industry ? <span>{data.industry}</span> : null}
              <span>Owner: {owner(data.ownerId)}</span>
              {data.city || data.country ? (
                <span>{[data.city, data.country].filter(Boolean).join(', ')}</span>
              ) : null}
            </>
          ) : null
        }
        actions={
          data ? (
            <>
              {recordActions?.({ type: 'company', id })}
              {canUpdate ? <Button onClick={() => setEditing(true)}>Edit</Button> : null}
            </>
          ) : null
        }
        fields={
          data
            ? [
                { label: 'Domain', value: data.domain ?? '—' },
                { label: 'Email', value: data.email ?? '—' },
                { label: 'Phone', value: data.phone ?? '—' },
                { label: 'Website', value: data.website ?? '—' },
                { label: 'Tags', value: data.tags.join(', ') || '—' },
                { label: 'Created', value: formatDateTime(data.createdAt) },
              ]
            : undefined
        }
        aside={data ? <CompanyRelated companyId={id} /> : null}
      >
        <RecordTimeline type="company" id={id} actorName={owner} />
      </DetailLayout>
      {data ? (
        <RecordFormDialog
          key={data.version}
          open={editing}
          title="Edit company"
          schema={companyUpdateInput}
          initialValues={companyFormValues(data)}
          fields={COMPANY_FIELDS}
          toInput={(values) => toCompanyInput(values, data.version)}
          submitLabel="Save changes"
          onCancel={() => setEditing(false)}
          conflict={{ what: 'This company', onReload: reload }}
          onSubmit={async (input) => {
            await update.mutateAsync({ ...input, id });
            setEditing(false);
          }}
        />
      ) : null}
    </>
  );
}
