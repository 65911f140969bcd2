import { contactUpdateInput, type RelatedRef } from '@tessera/contracts';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
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
import { useContact } from '../api/get-contact';
import { useUpdateContact } from '../api/update-contact';
import { CONTACT_FIELDS, contactFormValues, toContactInput } from './contact-fields';

/** `/contacts/:id`: fields, company link, timeline, log activity / add task, edit. */
export function ContactDetailPage({
  directory,
  recordActions,
}: {
  directory: PeopleDirectory;
  recordActions?: (related: RelatedRef) => ReactNode;
}) {
  const { id = '' } = useParams();
  const me = useSession();
  const contact = useContact(id);
  const update = useUpdateContact();
  const canUpdate = usePermission('contacts.update');
  const [editing, setEditing] = useState(false);
  const data = contact.data;
  const name = data ? `${data.firstName} ${data.lastName}` : undefined;
  useDocumentTitle(name ?? 'Contact');
  const owner = (ownerId: string | null) => ownerLabel(directory, me.user.id, ownerId);
  const reload = () => void contact.refetch();

  return (
    <>
      <DetailLayout
        back={{ to: '/contacts', label: 'Contacts' }}
        noun="contact"
        isLoading={contact.isPending}
        error={contact.error}
        onRetry={reload}
        title={name}
        meta={
          data ? (
            <>
              {data.title ? <span>{data.title}</span> : null}
              {data.companyId ? (
                <Link
                  to={`/companies/${data.companyId}`}
                  className="text-indigo-600 hover:underline dark:text-indigo-400"
                >
                  {data.companyName ?? 'Company'}
                </Link>
              ) : null}
              <span>Owner: {owner(data.ownerId)}</span>
            </>
          ) : null
        }
        actions={
          data ? (
            <>
              {recordActions?.({ type: 'contact', id })}
              {canUpdate ? <Button onClick={() => setEditing(true)}>Edit</Button> : null}
            </>
          ) : null
        }
        fields={
          data
            ? [
                { label: 'Email', value: data.email ?? '—' },
                { label: 'Phone', value: data.phone ?? '—' },
                { label: 'Job title', value: data.title ?? '—' },
                { label: 'Tags', value: data.tags.join(', ') || '—' },
                { label: 'Created', value: formatDateTime(data.createdAt) },
              ]
            : undefined
        }
      >
        <RecordTimeline type="contact" id={id} actorName={owner} />
      </DetailLayout>
      {data ? (
        <RecordFormDialog
          key={data.version}
          open={editing}
          title="Edit contact"
          schema={contactUpdateInput}
          initialValues={contactFormValues(data)}
          fields={CONTACT_FIELDS}
          toInput={(values) => toContactInput(values, data.version)}
          submitLabel="Save changes"
          onCancel={() => setEditing(false)}
          conflict={{ what: 'This contact', onReload: reload }}
          onSubmit={async (input) => {
            await update.mutateAsync({ ...input, id });
            setEditing(false);
          }}
        />
      ) : null}
    </>
  );
}
