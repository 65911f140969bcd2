import type { DocumentItem } from '@tessera/contracts';
import { useId, useRef, useState } from 'react';
import type { RecordPanelProps } from '../../../components/records/record-panel-props';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import { v1 } from '../../../lib/endpoints';
import { formatDateTime } from '../../../lib/format';
import { downloadVersion, useDeleteDocument, useRecordDocuments, useUpload } from '../api/documents';
import { formatSize } from '../format-size';
import { DocumentVersions } from './document-versions';
import { AudioPlayer, FilePreview } from './file-preview';

/** The "Files" card of a record page: upload with progress, list, versions, download, delete. */
export function DocumentsPanel({ type, id }: RecordPanelProps) {
  const canView = usePermission('documents.view');
  const canManage = usePermission('documents.manage');
  const list = useRecordDocuments(type, id, canView);
  const upload = useUpload();
  const remove = useDeleteDocument();
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const [deleting, setDeleting] = useState<DocumentItem | null>(null);
  const [openVersions, setOpenVersions] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const target = useRef<string>('');
  const titleId = useId();
  if (!canView) return null;

  const recordPath = v1(`records/${type}/${id}/documents`);
  const pick = (path: string) => {
    target.current = path;
    input.current?.click();
  };
  const send = async (file: File) => {
    setProblem(null);
    setProgress(0);
    try {
      await upload.mutateAsync({ path: target.current || recordPath, file, onProgress: setProgress });
    } catch (e) {
      setProblem(e);
    } finally {
      setProgress(null);
      target.current = '';
    }
  };
  const items = list.data?.items ?? [];

  return (
    <Card aria-labelledby={titleId}>
      <CardHeader
        title="Files"
        titleId={titleId}
        actions={
          canManage ? (
            <Button size="sm" disabled={progress !== null} onClick={() => pick(recordPath)}>
              Upload file
            </Button>
          ) : null
        }
      />
      <CardBody className="space-y-3">
        <input
          ref={input}
          type="file"
          className="sr-only"
          tabIndex={-1}
          aria-label="File to upload"
          data-testid="document-file-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void send(file);
          }}
        />
        {progress !== null ? (
          <div role="status" aria-live="polite" className="text-sm text-zinc-600 dark:text-zinc-400">
            Uploading… {Math.round(progress * 100)}%
            <progress
              className="mt-1 block h-2 w-full"
              max={1}
              value={progress}
              aria-label="Upload progress"
            />
          </div>
        ) : null}
        {problem ? <ErrorAlert error={problem} title="The file was not saved" /> : null}
        {list.isPending ? (
          <div className="space-y-2" aria-busy="true">
            <Skeleton className="h-14 w-full" />
            <Skeleton className="h-14 w-full" />
            <span className="sr-only">Loading files…</span>
          </div>
        ) : list.error ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : items.length === 0 ? (
          <p className="py-4 text-center text-sm text-zinc-500 dark:text-zinc-400">
            No files yet.{canManage ? ' Upload contracts, photos or recordings here.' : ''}
          </p>
        ) : (
          <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Files">
            {items.map((doc) => (
              <li key={doc.id} className="py-3">
                <div className="flex items-start gap-3">
                  <FilePreview doc={doc} />
                  <div className="min-w-0 flex-1">
                    <p className="break-all font-medium text-zinc-900 dark:text-zinc-100">{doc.name}</p>
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">
                      {formatSize(doc.current.sizeBytes)} · {doc.current.contentType} · v{doc.current.number}{' '}
                      · {formatDateTime(doc.current.uploadedAt)}
                    </p>
                    <div className="mt-1 flex flex-wrap gap-1">
                      <Button
                        size="sm"
                        variant="secondary"
                        onClick={() => downloadVersion(doc, doc.current).catch(setProblem)}
                      >
                        Download
                      </Button>
                      {doc.versionCount > 1 ? (
                        <Button
                          size="sm"
                          variant="ghost"
                          aria-expanded={openVersions === doc.id}
                          onClick={() => setOpenVersions(openVersions === doc.id ? null : doc.id)}
                        >
                          {doc.versionCount} versions
                        </Button>
                      ) : null}
                      {canManage ? (
                        <>
                          <Button
                            size="sm"
                            variant="ghost"
                            disabled={progress !== null}
                            onClick={() => pick(v1(`documents/${doc.id}/versions`))}
                          >
                            New version
                          </Button>
                          <Button size="sm" variant="ghost" onClick={() => setDeleting(doc)}>
                            Delete
                          </Button>
                        </>
                      ) : null}
                    </div>
                  </div>
                </div>
                <AudioPlayer doc={doc} />
                {openVersions === doc.id ? <DocumentVersions doc={doc} onError={setProblem} /> : null}
              </li>
            ))}
          </ul>
        )}
      </CardBody>
      <ConfirmDialog
        open={deleting !== null}
        title="Delete file"
        confirmLabel="Delete"
        pending={remove.isPending}
        error={remove.error}
        onClose={() => {
          remove.reset();
          setDeleting(null);
        }}
        onConfirm={() => deleting && remove.mutate(deleting, { onSuccess: () => setDeleting(null) })}
      >
        “{deleting?.name}” and its versions leave this record (an administrator can still trace it in the
        audit log).
      </ConfirmDialog>
    </Card>
  );
}
