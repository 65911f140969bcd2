import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useCreateDialog } from '../../hooks/use-create-param';
import { useDocumentTitle } from '../../hooks/use-document-title';
import type { SafeParseSchema } from '../../hooks/use-zod-form';
import type { FormValues } from '../../lib/records/form-values';
import { Button } from '../ui/button';
import { EmptyState } from '../ui/empty-state';
import { ListIcon } from '../ui/icons';
import { PageHeader } from '../ui/page-header';
import { type RecordFieldSpec, RecordFormDialog } from './record-form';
import { type RecordList, RecordListView, type RecordListViewProps } from './record-list-view';

/** The "New <record>" button and its form; `create` returns the new record's page. */
export interface CreateRecord<Out> {
  /** "New lead" (button and dialog title). */
  label: string;
  /** "Create lead". */
  submitLabel: string;
  schema: SafeParseSchema<Out>;
  fields: readonly RecordFieldSpec[];
  initialValues: FormValues;
  toInput: (values: FormValues) => unknown;
  create: (input: Out) => Promise<string>;
}

export interface RecordListPageProps<T, Out> extends Omit<RecordListViewProps<T>, 'emptyState' | 'list'> {
  title: string;
  description: string;
  list: RecordList<T>;
  /** Shown when there is nothing yet ("No leads yet — create one or import a CSV"). */
  emptyTitle: string;
  emptyDescription: ReactNode;
  icon?: ReactNode;
  /** Header actions before "New …" (e.g. "Import CSV"). */
  actions?: ReactNode;
  /** Omit when the user may not create. */
  newRecord?: CreateRecord<Out> | undefined;
}

/** The one CRM list page: header (+ import, "New …"), the record list view and the create dialog. */
export function RecordListPage<T, Out>({
  title,
  description,
  list,
  emptyTitle,
  emptyDescription,
  icon = <ListIcon />,
  actions,
  newRecord,
  ...view
}: RecordListPageProps<T, Out>) {
  useDocumentTitle(title);
  const [creating, setCreating] = useCreateDialog();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title={title}
        description={description}
        actions={
          <>
            {actions}
            {newRecord ? <Button onClick={() => setCreating(true)}>{newRecord.label}</Button> : null}
          </>
        }
      />
      <RecordListView
        {...view}
        list={list}
        emptyState={<EmptyState icon={icon} title={emptyTitle} description={emptyDescription} />}
      />
      {newRecord ? (
        <RecordFormDialog
          open={creating}
          title={newRecord.label}
          schema={newRecord.schema}
          initialValues={newRecord.initialValues}
          fields={newRecord.fields}
          toInput={newRecord.toInput}
          submitLabel={newRecord.submitLabel}
          onCancel={() => setCreating(false)}
          onSubmit={async (input) => {
            const path = await newRecord.create(input);
            setCreating(false);
            await navigate(path);
          }}
        />
      ) : null}
    </>
  );
}
