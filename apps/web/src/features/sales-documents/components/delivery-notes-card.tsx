import type { DeliveryNote, DeliveryStatus } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Input, Textarea } from '../../../components/ui/input';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import type { DocumentKindPath } from '../api/documents';
import {
  downloadDeliveryNote,
  useCancelDeliveryNote,
  useCreateDeliveryNote,
  useDeliveries,
} from '../api/recurring';
import { ActionDialog } from './document-dialogs';

/** Statuses whose goods can be delivered (the server decides; this only hides the card elsewhere). */
const DELIVERABLE = {
  invoices: ['issued', 'sent', 'partially_paid', 'paid', 'overdue'],
  quotes: ['sent', 'accepted', 'invoiced'],
};

/** "Deliveries" of an issued invoice or a sent quote: per line ordered / delivered / open, its notes, a new one. */
export function DeliveryNotesCard({
  kind,
  id,
  status,
}: {
  kind: DocumentKindPath;
  id: string;
  status: string;
}) {
  const canView = usePermission('delivery_notes.view');
  const canCreate = usePermission('delivery_notes.create');
  const shown = canView && DELIVERABLE[kind].includes(status);
  const deliveries = useDeliveries(kind, id, shown);
  if (!shown) return null;
  const data = deliveries.data;
  const open = data?.lines.some((l) => l.remaining !== '0') ?? false;
  return (
    <Card>
      <CardHeader
        title="Deliveries"
        actions={
          canCreate && data && open ? (
            <NewDeliveryNote
              key={data.lines.map((l) => l.remaining).join()}
              kind={kind}
              id={id}
              status={data}
            />
          ) : null
        }
      />
      <CardBody className="space-y-3">
        {deliveries.isPending ? (
          <Skeleton className="h-16" />
        ) : deliveries.error ? (
          <ErrorAlert error={deliveries.error} onRetry={() => void deliveries.refetch()} />
        ) : data ? (
          <>
            <ul
              className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800"
              aria-label="Delivered per line"
            >
              {data.lines.map((l) => (
                <li key={l.lineId} className="flex flex-wrap justify-between gap-2 py-1.5">
                  <span>{l.description}</span>
                  <span className="tabular-nums text-zinc-600 dark:text-zinc-400">
                    {l.delivered} of {l.ordered} {l.unit ?? ''} delivered
                  </span>
                </li>
              ))}
            </ul>
            {data.notes.length === 0 ? (
              <p className="text-sm text-zinc-500">No delivery notes yet.</p>
            ) : (
              <ul
                className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800"
                aria-label="Delivery notes"
              >
                {data.notes.map((n) => (
                  <li key={n.id} className="flex flex-wrap items-start justify-between gap-2 py-1.5">
                    <div className={n.status === 'cancelled' ? 'min-w-0 text-zinc-500' : 'min-w-0'}>
                      <span className={n.status === 'cancelled' ? 'font-medium line-through' : 'font-medium'}>
                        {n.number}
                      </span>{' '}
                      · {formatDate(n.deliveredOn)}
                      {n.status === 'cancelled' ? (
                        <span className="ml-2 rounded bg-zinc-100 px-1.5 py-0.5 text-xs font-medium text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                          Cancelled
                        </span>
                      ) : null}
                      {n.status === 'cancelled' && n.cancelReason ? (
                        <p className="text-xs break-words">
                          {n.cancelledAt ? `${formatDate(n.cancelledAt)}: ` : ''}
                          {n.cancelReason}
                        </p>
                      ) : null}
                      {n.lines?.length ? (
                        <ul
                          className={
                            n.status === 'cancelled'
                              ? 'text-xs text-zinc-500 line-through'
                              : 'text-xs text-zinc-600 dark:text-zinc-400'
                          }
                          aria-label={`Delivered on ${n.number}`}
                        >
                          {n.lines.map((l) => (
                            <li key={l.id} className="tabular-nums">
                              {l.quantity} {l.unit ?? ''} × {l.description}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </div>
                    <div className="flex gap-1">
                      <Button variant="ghost" onClick={() => void downloadDeliveryNote(n.id, n.number)}>
                        PDF
                      </Button>
                      {canCreate && n.status !== 'cancelled' ? (
                        <CancelDeliveryNote kind={kind} sourceId={id} note={n} />
                      ) : null}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </>
        ) : null}
      </CardBody>
    </Card>
  );
}

function NewDeliveryNote({
  kind,
  id,
  status,
}: {
  kind: DocumentKindPath;
  id: string;
  status: DeliveryStatus;
}) {
  const create = useCreateDeliveryNote(kind, id);
  const initial = () => Object.fromEntries(status.lines.map((l) => [l.lineId, l.remaining]));
  const [quantities, setQuantities] = useState<Record<string, string>>(initial);
  const [notes, setNotes] = useState('');
  return (
    <ActionDialog
      label="Delivery note"
      title="New delivery note"
      submitLabel="Create delivery note"
      variant="primary"
      submit={() =>
        create.mutateAsync({
          lines: status.lines
            .map((l) => ({ lineId: l.lineId, quantity: (quantities[l.lineId] ?? '').trim() }))
            .filter((l) => l.quantity !== '' && Number(l.quantity) > 0),
          ...(notes.trim() ? { notes: notes.trim() } : {}),
        })
      }
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Delivered now, per line (at most what is still open).
      </p>
      {status.lines.map((l, i) => (
        <div key={l.lineId} className="flex items-center justify-between gap-3 text-sm">
          <span className="min-w-0 flex-1 truncate">
            {l.description} <span className="text-zinc-500">(open {l.remaining})</span>
          </span>
          <Input
            className="w-24"
            inputMode="decimal"
            aria-label={`Delivered quantity of line ${i + 1}`}
            value={quantities[l.lineId] ?? ''}
            disabled={l.remaining === '0'}
            onChange={(e) => setQuantities((q) => ({ ...q, [l.lineId]: e.target.value }))}
          />
        </div>
      ))}
      <Input
        aria-label="Delivery notes text"
        placeholder="Notes (optional)"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
    </ActionDialog>
  );
}

/** Cancels one note after asking why (the reason is kept and printed; the number stays used). */
function CancelDeliveryNote({
  kind,
  sourceId,
  note,
}: {
  kind: DocumentKindPath;
  sourceId: string;
  note: DeliveryNote;
}) {
  const cancel = useCancelDeliveryNote(kind, sourceId);
  const [reason, setReason] = useState('');
  return (
    <ActionDialog
      label="Cancel note"
      title={`Cancel delivery note ${note.number}`}
      submitLabel="Cancel delivery note"
      variant="danger"
      submit={() => cancel.mutateAsync({ id: note.id, reason: reason.trim(), version: note.version })}
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        The note keeps its number and is marked cancelled; its quantities are open again, so a corrected note
        can be made.
      </p>
      <Textarea
        aria-label="Reason for cancelling"
        placeholder="Reason (required)"
        required
        maxLength={500}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
    </ActionDialog>
  );
}
