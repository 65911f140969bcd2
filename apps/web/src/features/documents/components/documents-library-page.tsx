import type { LibraryDocument } from '@tessera/contracts';
import { useMemo, useState } from 'react';
import type { GridColumn } from '../../../components/records/data-grid';
import { personOptions } from '../../../components/records/person-options';
import { RecordListPage } from '../../../components/records/record-list-page';
import { type RecordListConfig, useRecordList } from '../../../components/records/record-list-view';
import { useSession } from '../../../hooks/use-me';
import { formatDateTime } from '../../../lib/format';
import type { PeopleDirectory } from '../../../lib/people';
import { endOfDay, type FilterSpec, isoToLocalDate, startOfDay } from '../../../lib/records/list-query';
import { libraryOptions } from '../api/documents';
import { formatSize } from '../format-size';
import { DocumentPreviewDialog, DocumentRecordLink } from './document-preview-dialog';
import { FilePreview } from './file-preview';

/** The record types that take files (the server registers them; a type the viewer may not see lists nothing). */
const RECORD_TYPES = [
  { value: 'lead', label: 'Leads' },
  { value: 'contact', label: 'Contacts' },
  { value: 'company', label: 'Companies' },
  { value: 'deal', label: 'Deals' },
  { value: 'quote', label: 'Quotes' },
  { value: 'invoice', label: 'Invoices' },
  { value: 'job', label: 'Jobs' },
  { value: 'visit', label: 'Visits' },
  { value: 'expense', label: 'Expenses' },
] as const;

const FAMILIES = [
  { value: 'image', label: 'Images' },
  { value: 'pdf', label: 'PDF' },
  { value: 'audio', label: 'Audio' },
  { value: 'other', label: 'Other' },
] as const;

/**
 * `/documents`: every file the user may see, across records (the API applies each record type's view
 * permission and record scope). Search by name, filters in the URL; a row opens the preview, its record link
 * the record.
 */
export function DocumentsLibraryPage({ directory }: { directory: PeopleDirectory }) {
  const me = useSession();
  const [open, setOpen] = useState<LibraryDocument | null>(null);
  const uploaders = useMemo(() => personOptions(directory, me.user.id, me.user.name), [directory, me.user]);
  const config = useMemo((): RecordListConfig<LibraryDocument> => {
    const specs: FilterSpec[] = [
      { key: 'recordType', label: 'Record', kind: 'select', options: RECORD_TYPES },
      { key: 'family', label: 'Kind', kind: 'select', options: FAMILIES },
      { key: 'uploadedBy', label: 'Uploaded by', kind: 'select', options: uploaders },
      {
        key: 'createdFrom',
        label: 'Added from',
        kind: 'date',
        toParam: startOfDay,
        fromParam: isoToLocalDate,
      },
      { key: 'createdTo', label: 'Added to', kind: 'date', toParam: endOfDay, fromParam: isoToLocalDate },
    ];
    const uploader = (id: string | null) =>
      !id
        ? '—'
        : id === me.user.id
          ? 'Me'
          : (directory.people?.find((p) => p.userId === id)?.name ?? 'A member');
    const columns: GridColumn<LibraryDocument>[] = [
      {
        key: 'name',
        label: 'Name',
        header: 'Name',
        sortField: 'name',
        // A phone scrolls the table sideways rather than squeezing the name to a letter per line.
        className: 'min-w-[14rem]',
        cell: (d) => (
          <button
            type="button"
            className="flex min-w-0 items-center gap-3 text-left"
            onClick={() => setOpen(d)}
            aria-label={`Preview ${d.name}`}
          >
            <FilePreview doc={d} />
            <span className="min-w-0 break-words font-medium text-zinc-900 hover:underline dark:text-zinc-100">
              {d.name}
            </span>
          </button>
        ),
      },
      {
        key: 'record',
        label: 'Record',
        header: 'Record',
        className: 'min-w-[10rem]',
        cell: (d) => <DocumentRecordLink doc={d} className="break-words" />,
      },
      {
        key: 'size',
        label: 'Size',
        header: 'Size',
        className: 'whitespace-nowrap tabular-nums',
        cell: (d) => formatSize(d.current.sizeBytes),
      },
      { key: 'type', label: 'Type', header: 'Type', cell: (d) => d.current.contentType },
      { key: 'version', label: 'Version', header: 'Version', cell: (d) => `v${d.current.number}` },
      { key: 'uploadedBy', label: 'Uploaded by', header: 'Uploaded by', cell: (d) => uploader(d.createdBy) },
      {
        key: 'createdAt',
        label: 'Added',
        header: 'Added',
        sortField: 'createdAt',
        className: 'whitespace-nowrap',
        cell: (d) => formatDateTime(d.createdAt),
      },
    ];
    return {
      grid: 'documents',
      label: 'Documents',
      noun: 'documents',
      searchLabel: 'Search by file name',
      specs,
      defaultSort: '-createdAt',
      columns,
      defaultColumns: ['name', 'record', 'size', 'uploadedBy', 'createdAt'],
      rowKey: (d) => d.id,
      rowLabel: (d) => d.name,
      queryOptions: (state) => libraryOptions(state, specs),
    };
  }, [uploaders, directory, me.user.id]);
  return (
    <>
      <RecordListPage
        title="Documents"
        description="Every file attached to the records you can see: contracts, photos, recordings."
        list={useRecordList(config)}
        emptyTitle="No files yet"
        emptyDescription="Files uploaded on a lead, a company, a deal, a job or any other record appear here."
        onOpenRow={setOpen}
      />
      <DocumentPreviewDialog doc={open} onClose={() => setOpen(null)} />
    </>
  );
}
