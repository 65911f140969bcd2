import { contactUpdateInput, type RelatedRef } from '@tessera/contracts';
import type { ReactNode } from 'react';
import { useParams } from 'react-router';
import { EmailLink, PhoneLink } from '../../../components/records/contact-links';
import { RecordDetailPage } from '../../../components/records/record-detail-page';
import { RecordLink } from '../../../components/records/record-link';
import { useCompanyOptions, withCurrentOption } from '../../../components/records/use-company-options';
import { usePermission } from '../../../hooks/use-permission';
import { formatDateTime } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { contactRecords } from '../api/contacts';
import { contactFields, contactFormValues, toContactInput } from './contact-fields';

/** `/contacts/:id`: fields, company link, timeline, log activity / add task, edit. */
export function ContactDetailPage({
  directory,
  recordActions,
}: {
  directory: PeopleDirectory;
  recordActions?: (related: RelatedRef) => ReactNode;
}) {
  const { id = '' } = useParams();
  const contact = contactRecords.useRecord(id).data; // shared with the page (same query)
  const companies = useCompanyOptions(usePermission('contacts.update'));
  const fields = contactFields(
    companies.options && withCurrentOption(companies.options, contact?.companyId, contact?.companyName),
  );
  return (
    <RecordDetailPage
      type="contact"
      noun="contact"
      records={contactRecords}
      back={{ to: '/contacts', label: 'Contacts' }}
      updatePermission="contacts.update"
      archivePermission="contacts.delete"
      title={(contact) => `${contact.firstName} ${contact.lastName}`}
      meta={(contact, owner) => (
        <>
          {contact.title ? <span>{contact.title}</span> : null}
          {contact.companyId ? (
            <RecordLink type="company" id={contact.companyId} className="font-normal">
              {contact.companyName ?? 'Company'}
            </RecordLink>
          ) : null}
          <span>Owner: {owner(contact.ownerId)}</span>
        </>
      )}
      fields={(contact) => [
        { label: 'Email', value: <EmailLink value={contact.email} /> },
        { label: 'Phone', value: <PhoneLink value={contact.phone} /> },
        { label: 'Job title', value: contact.title ?? '—' },
        { label: 'Tags', value: contact.tags.join(', ') || '—' },
        { label: 'Created', value: formatDateTime(contact.createdAt) },
      ]}
      edit={{
        schema: contactUpdateInput,
        fields,
        initialValues: contactFormValues,
        toInput: toContactInput,
      }}
      directory={directory}
      recordActions={recordActions}
    />
  );
}
