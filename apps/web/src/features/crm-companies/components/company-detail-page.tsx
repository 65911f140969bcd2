import { companyUpdateInput, type RelatedRef } from '@tessera/contracts';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { EmailLink, PhoneLink, WebsiteLink } from '../../../components/records/contact-links';
import { RecordDetailPage } from '../../../components/records/record-detail-page';
import { formatDateTime } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { companyRecords } from '../api/companies';
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
  return (
    <RecordDetailPage
      type="company"
      noun="company"
      records={companyRecords}
      back={{ to: '/companies', label: 'Companies' }}
      updatePermission="companies.update"
      archivePermission="companies.delete"
      title={(company) => company.name}
      meta={(company, owner) => (
        <>
          {company.industry ? <span>{company.industry}</span> : null}
          <span>Owner: {owner(company.ownerId)}</span>
          {company.city || company.country ? (
            <span>{[company.city, company.country].filter(Boolean).join(', ')}</span>
          ) : null}
        </>
      )}
      fields={(company) => [
        { label: 'Domain', value: company.domain ?? '—' },
        { label: 'Email', value: <EmailLink value={company.email} /> },
        { label: 'Phone', value: <PhoneLink value={company.phone} /> },
        { label: 'Website', value: <WebsiteLink value={company.website} /> },
        { label: 'Tags', value: company.tags.join(', ') || '—' },
        { label: 'Created', value: formatDateTime(company.createdAt) },
      ]}
      aside={<CompanyRelated companyId={id} />}
      edit={{
        schema: companyUpdateInput,
        fields: COMPANY_FIELDS,
        initialValues: companyFormValues,
        toInput: toCompanyInput,
      }}
      directory={directory}
      recordActions={recordActions}
    />
  );
}
