import { type Permission, RELATED_TYPES, type RelatedRef, type RelatedType } from '@tessera/contracts';
import { type ReactNode, useState } from 'react';
import { useParams } from 'react-router';
import { useDocumentTitle } from '../../hooks/use-document-title';
import { useSession } from '../../hooks/use-me';
import { usePermission } from '../../hooks/use-permission';
import type { SafeParseSchema } from '../../hooks/use-zod-form';
import type { PeopleDirectory } from '../../lib/people';
import type { FormValues } from '../../lib/records/form-values';
import { humanize } from '../../lib/records/labels';
import type { RecordHooks } from '../../lib/records/record-hooks';
import { Alert } from '../ui/alert';
import { Button } from '../ui/button';
import { ConfirmDialog } from '../ui/confirm-dialog';
import { type DetailField, DetailLayout } from './detail-layout';
import { ownerLabel } from './person-options';
import { type RecordFieldSpec, RecordFormDialog } from './record-form';
import { RecordPanels } from './record-panels';
import { RecordTimeline } from './record-timeline';

/** An owned, versioned record (company, contact…). */
interface OwnedRecord {
  version: number;
  ownerId: string | null;
  archivedAt: string | null;
}

/** Whether a record type has a CRM timeline and quick actions (`RELATED_TYPES`). */
const isRelatedType = (type: string): type is RelatedType =>
  (RELATED_TYPES as readonly string[]).includes(type);

export interface RecordDetailPageProps<T extends OwnedRecord, U> {
  /**
   * The record type as the API names it (`company`, `job`): panels (files) follow it; the timeline and the
   * record actions only show for the CRM's related types, which have them.
   */
  type: string;
  /** The record's kind in messages ("company": "Edit company", "This company was changed…"). */
  noun: string;
  /** The entity's hooks (`companyRecords`): the page reads `:id` and edits through them. */
  records: Pick<RecordHooks<T, never, U>, 'useRecord' | 'useUpdate' | 'useArchive'>;
  /** Where "back" goes (the list). */
  back: { to: string; label: string };
  updatePermission: Permission;
  /** With it, "Archive" / "Restore" (confirmed) for members who have it. */
  archivePermission?: Permission;
  title: (record: T) => string;
  /** Short facts under the title; `owner` names an owner id ("Me", a member, "Unassigned"). */
  meta: (record: T, owner: (ownerId: string | null) => string) => ReactNode;
  fields: (record: T) => readonly DetailField[];
  /** Side cards under the fields (related contacts, deals), or built from the record. */
  aside?: ReactNode | ((record: T) => ReactNode);
  /** Cards of the main column before the panels and the timeline (a job's status history, checklist). */
  body?: (record: T) => ReactNode;
  /** Record-specific buttons before "Edit" (won / lost, move…). */
  actions?: (record: T) => ReactNode;
  /** Notices above the body (an archived or closed record). */
  notice?: (record: T) => ReactNode;
  /** The edit form: its fields, the record as form values, and the values as the update input. */
  edit: {
    schema: SafeParseSchema<U>;
    fields: readonly RecordFieldSpec[];
    initialValues: (record: T) => FormValues;
    toInput: (values: FormValues, version: number) => unknown;
  };
  directory: PeopleDirectory;
  /** "Log a call" / "Add a task", composed by the app from the activities and tasks features. */
  recordActions?: ((related: RelatedRef) => ReactNode) | undefined;
  /** Names of referenced records in the timeline's changes (a deal's stage), when the page has them. */
  refName?: ((field: string, id: string) => string | undefined) | undefined;
}

/** `/<records>/:id` of an owned record: header, facts, "Edit", details, side cards and the timeline. */
export function RecordDetailPage<T extends OwnedRecord, U>({
  type,
  noun,
  records,
  back,
  updatePermission,
  archivePermission,
  title,
  meta,
  fields,
  aside,
  body,
  actions,
  notice,
  edit,
  directory,
  recordActions,
  refName,
}: RecordDetailPageProps<T, U>) {
  const { id = '' } = useParams();
  const me = useSession();
  const record = records.useRecord(id);
  const update = records.useUpdate();
  const canUpdate = usePermission(updatePermission);
  const archive = records.useArchive();
  const canArchive = usePermission(archivePermission ?? updatePermission) && archivePermission !== undefined;
  const [editing, setEditing] = useState(false);
  const [archiving, setArchiving] = useState(false);
  const data = record.data;
  const name = data ? title(data) : undefined;
  useDocumentTitle(name ?? humanize(noun));
  const owner = (ownerId: string | null) => ownerLabel(directory, me.user.id, ownerId);
  const reload = () => void record.refetch();

  return (
    <>
      <DetailLayout
        back={back}
        noun={noun}
        isLoading={record.isPending}
        error={record.error}
        onRetry={reload}
        title={name}
        meta={data ? meta(data, owner) : null}
        actions={
          data ? (
            <>
              {isRelatedType(type) ? recordActions?.({ type, id }) : null}
              {actions?.(data)}
              {canUpdate ? <Button onClick={() => setEditing(true)}>Edit</Button> : null}
              {canArchive ? (
                <Button variant="secondary" onClick={() => setArchiving(true)}>
                  {data.archivedAt ? 'Restore' : 'Archive'}
                </Button>
              ) : null}
            </>
          ) : null
        }
        notice={
          data ? (
            <>
              {data.archivedAt ? (
                <Alert tone="warning" title={`This ${noun} is archived`}>
                  It is hidden from lists and the board. Restore it to work on it again.
                </Alert>
              ) : null}
              {notice?.(data)}
            </>
          ) : null
        }
        fields={data ? fields(data) : undefined}
        aside={data ? (typeof aside === 'function' ? aside(data) : aside) : null}
      >
        <div className="space-y-6">
          {data ? body?.(data) : null}
          <RecordPanels type={type} id={id} />
          {isRelatedType(type) ? (
            <RecordTimeline type={type} id={id} actorName={owner} refName={refName} />
          ) : null}
        </div>
      </DetailLayout>
      {data ? (
        <RecordFormDialog
          key={data.version}
          open={editing}
          title={`Edit ${noun}`}
          schema={edit.schema}
          initialValues={edit.initialValues(data)}
          fields={edit.fields}
          toInput={(values) => edit.toInput(values, data.version)}
          submitLabel="Save changes"
          onCancel={() => setEditing(false)}
          conflict={{ what: `This ${noun}`, onReload: reload }}
          onSubmit={async (input) => {
            await update.mutateAsync({ ...input, id });
            setEditing(false);
          }}
        />
      ) : null}
      {data && canArchive ? (
        <ConfirmDialog
          open={archiving}
          tone={data.archivedAt ? 'primary' : 'danger'}
          title={data.archivedAt ? `Restore ${noun}` : `Archive ${noun}`}
          confirmLabel={data.archivedAt ? 'Restore' : 'Archive'}
          pending={archive.isPending}
          error={archive.error}
          onClose={() => {
            archive.reset();
            setArchiving(false);
          }}
          onConfirm={() =>
            archive.mutate({ id, archived: !data.archivedAt }, { onSuccess: () => setArchiving(false) })
          }
        >
          {data.archivedAt
            ? `“${name}” comes back to the lists.`
            : `“${name}” leaves the lists; you can restore it from this page.`}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
