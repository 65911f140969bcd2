import type { LibraryDocument } from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { Skeleton } from '../../../components/ui/skeleton';
import { formatDateTime } from '../../../lib/format';
import { downloadVersion, usePreviewLink } from '../api/documents';
import { formatSize, isImage } from '../format-size';
import { DocumentVersions } from './document-versions';
import { AudioPlayer, FilePreview } from './file-preview';

/** The record a library row belongs to: "Lead · Ann Agent", a link when the record has a page. */
export function DocumentRecordLink({ doc, className }: { doc: LibraryDocument; className?: string }) {
  const { record } = doc;
  const text = record.name ? `${record.label} · ${record.name}` : record.label;
  if (!record.url) return <span className={className}>{text}</span>;
  return (
    <Link
      to={record.url}
      className={`font-medium text-indigo-600 hover:underline dark:text-indigo-400 ${className ?? ''}`}
    >
      {text}
    </Link>
  );
}

function LargeImage({ doc }: { doc: LibraryDocument }) {
  const link = usePreviewLink(doc, true);
  if (link.error) return <ErrorAlert error={link.error} onRetry={() => void link.refetch()} />;
  if (!link.data) return <Skeleton className="h-64 w-full" />;
  return (
    <img
      src={link.data.url}
      alt={`Preview of ${doc.name}`}
      className="max-h-[60vh] w-full rounded-md border border-zinc-200 object-contain dark:border-zinc-700"
    />
  );
}

/**
 * A document of the library in a dialog: the image itself (or the audio player, or a type badge), its details,
 * download through a signed link, its versions, and the record it belongs to.
 */
export function DocumentPreviewDialog({
  doc,
  onClose,
}: {
  doc: LibraryDocument | null;
  onClose: () => void;
}) {
  const [problem, setProblem] = useState<unknown>(null);
  const close = () => {
    setProblem(null);
    onClose();
  };
  return (
    <Dialog
      open={doc !== null}
      onClose={close}
      title={doc?.name ?? ''}
      size="lg"
      data-testid="document-preview"
    >
      {doc ? (
        <div className="space-y-4">
          {isImage(doc.current.contentType) ? (
            <LargeImage doc={doc} />
          ) : (
            <div className="flex items-center gap-3">
              <FilePreview doc={doc} />
              <span className="text-sm text-zinc-600 dark:text-zinc-400">{doc.current.contentType}</span>
            </div>
          )}
          <AudioPlayer doc={doc} />
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            <dt className="text-zinc-500 dark:text-zinc-400">Record</dt>
            <dd className="min-w-0 break-words">
              <DocumentRecordLink doc={doc} />
            </dd>
            <dt className="text-zinc-500 dark:text-zinc-400">Size</dt>
            <dd>{formatSize(doc.current.sizeBytes)}</dd>
            <dt className="text-zinc-500 dark:text-zinc-400">Version</dt>
            <dd>
              v{doc.current.number} · {formatDateTime(doc.current.uploadedAt)}
            </dd>
            <dt className="text-zinc-500 dark:text-zinc-400">Added</dt>
            <dd>{formatDateTime(doc.createdAt)}</dd>
          </dl>
          {problem ? <ErrorAlert error={problem} title="The download did not start" /> : null}
          {doc.versionCount > 1 ? <DocumentVersions doc={doc} onError={setProblem} /> : null}
        </div>
      ) : null}
      <DialogFooter>
        <Button variant="secondary" onClick={close}>
          Close
        </Button>
        {doc ? (
          <Button onClick={() => downloadVersion(doc, doc.current).catch(setProblem)}>Download</Button>
        ) : null}
      </DialogFooter>
    </Dialog>
  );
}
