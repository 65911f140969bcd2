import type { DocumentItem } from '@tessera/contracts';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Skeleton } from '../../../components/ui/skeleton';
import { formatDateTime } from '../../../lib/format';
import { downloadVersion, useDocumentVersions } from '../api/documents';
import { formatSize } from '../format-size';

/** Every version of a document, newest first, each downloadable. */
export function DocumentVersions({ doc, onError }: { doc: DocumentItem; onError: (e: unknown) => void }) {
  const versions = useDocumentVersions(doc.id, true);
  if (versions.isPending) return <Skeleton className="mt-2 h-10 w-full" />;
  if (versions.error)
    return <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} className="mt-2" />;
  return (
    <ol
      className="mt-2 space-y-1 border-l-2 border-zinc-200 pl-3 text-sm dark:border-zinc-700"
      aria-label={`Versions of ${doc.name}`}
    >
      {versions.data.map((v) => (
        <li key={v.id} className="flex flex-wrap items-center justify-between gap-2">
          <span className="min-w-0 break-all text-zinc-700 dark:text-zinc-300">
            v{v.number} · {v.fileName} · {formatSize(v.sizeBytes)} · {formatDateTime(v.uploadedAt)}
          </span>
          <Button size="sm" variant="ghost" onClick={() => downloadVersion(doc, v).catch(onError)}>
            Download v{v.number}
          </Button>
        </li>
      ))}
    </ol>
  );
}
