import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { saveBlob } from '../../../lib/records/download';
import type { DocumentKindPath } from '../api/documents';

/** The document's PDF through the API client (session refresh and errors as for any request). */
const fetchFile = async (path: string, signal?: AbortSignal) =>
  (await api.send<Blob>('GET', v1(path), { responseType: 'blob', ...(signal ? { signal } : {}) })).data;

/** An object URL for a blob, revoked when the blob changes or the component goes. */
function useObjectUrl(blob: Blob | undefined) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!blob) return;
    const next = URL.createObjectURL(blob);
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [blob]);
  return url;
}

interface Props {
  kind: DocumentKindPath;
  id: string;
  number: string | null;
  /** Changes whenever the document does (its `updatedAt`), so the preview is fetched again. */
  revision: string;
}

/** PDF preview of a document with "Download PDF" and, for issued invoices, "E-invoice (XML)" (UBL 2.1). */
export function DocumentFiles({ kind, id, number, revision }: Props) {
  const canSeeMoney = usePermission('fields.money.view');
  const pdf = useQuery({
    queryKey: [kind, id, 'pdf', revision],
    queryFn: ({ signal }) => fetchFile(`${kind}/${id}/pdf`, signal),
    enabled: canSeeMoney,
  });
  const url = useObjectUrl(pdf.data);
  const [busy, setBusy] = useState(false);
  const base = number ?? `${kind.slice(0, -1)}-draft`;
  const downloadUbl = async () => {
    setBusy(true);
    try {
      saveBlob(await fetchFile(`${kind}/${id}/ubl`), `${base}.xml`);
    } finally {
      setBusy(false);
    }
  };
  if (!canSeeMoney) return null;
  return (
    <Card>
      <CardHeader
        title="PDF"
        actions={
          <div className="flex flex-wrap gap-2">
            <Button
              size="sm"
              variant="secondary"
              disabled={!pdf.data}
              onClick={() => pdf.data && saveBlob(pdf.data, `${base}.pdf`)}
            >
              Download PDF
            </Button>
            {kind === 'invoices' && number ? (
              <Button size="sm" variant="secondary" disabled={busy} onClick={() => void downloadUbl()}>
                E-invoice (XML)
              </Button>
            ) : null}
          </div>
        }
      />
      <CardBody>
        {pdf.isPending ? (
          <Skeleton className="h-96" />
        ) : pdf.error ? (
          <ErrorAlert error={pdf.error} onRetry={() => void pdf.refetch()} />
        ) : url ? (
          <iframe
            title={`PDF of ${base}`}
            src={url}
            className="h-[70vh] min-h-96 w-full rounded border border-zinc-200 dark:border-zinc-800"
          />
        ) : null}
      </CardBody>
    </Card>
  );
}
