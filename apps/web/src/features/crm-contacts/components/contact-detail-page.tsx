import { contactUpdateInput, type RelatedRef } from '@tessera/contracts';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RecordDetailPage } from '../../../components/records/record-detail-page';
import { formatDateTime } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { contactRecords } from '../api/contacts';
import { CONTACT_FIELDS, contactFormValues, toContactInput } from './contact-fields';

/** `/contacts/:id`: fields, company link, timeline, log activity / add task, edit. */
export function ContactDetailPage({
  directory,
  recordActions,
}: {
  directory: PeopleDirectory;
  recordActions?: (related: RelatedRef) => ReactNode;
}) {
  return (
    <RecordDetailPage
      type="contact"
      noun="contact"
      records={contactRecords}
      back={{ to: '/contacts', label: 'Contacts' }}
      updatePermission="contacts.update"
      title={(contact) => `${contact.firstName} ${contact.lastName}`}
      meta={(contact, owner) => (
        <>
          {contact.title ? <span>{contact.title}</span> : null}
          {contact.companyId ? (
            <Link
              to={`/companies/${contact.companyId}`}
              className="text-indigo-600 hover:underline dark:text-indigo-400"
            >
              {contact.companyName ?? 'Company'}
            </Link>
          ) : null}
          <span>Owner: {owner(contact.ownerId)}</span>
        </>
      )}
      fields={(contact) => [
        { label: 'Email', value: contact.email ?? '—' },
        { label: 'Phone', value: contact.phone ?? '—' },
        { label: 'Job title', value: contact.title ?? '—' },
        { label: 'Tags', value: contact.tags.join(', ') || '—' },
        { label: 'Created', value: formatDateTime(contact.createdAt) },
      ]}
      edit={{
        schema: contactUpdateInput,
        fields: CONTACT_FIELDS,
        initialValues: contactFormValues,
        toInput: toContactInput,
      }}
      directory={directory}
      recordActions={recordActions}
    />
  );
}
