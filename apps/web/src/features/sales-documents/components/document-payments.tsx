import type { SalesDocument } from '@tessera/contracts';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import { useDeletePayment, usePayments } from '../api/documents';

/** An issued invoice's payments, each deletable with payments.delete. */
export function PaymentsCard({ doc }: { doc: SalesDocument }) {
  const money = (cents: number | undefined) => formatMoney(cents, doc.currency);
  const payments = usePayments(doc.id);
  const deletePayment = useDeletePayment();
  const canDelete = usePermission('payments.delete');
  return (
    <Card>
      <CardHeader title="Payments" />
      <CardBody>
        {payments.isPending ? (
          <Skeleton className="h-10" />
        ) : payments.error ? (
          <ErrorAlert error={payments.error} onRetry={() => void payments.refetch()} />
        ) : payments.data.length === 0 ? (
          <p className="text-sm text-zinc-500">No payments yet.</p>
        ) : (
          <ul className="divide-y divide-zinc-100 text-sm dark:divide-zinc-800">
            {payments.data.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  {formatDate(p.paidOn)} · {p.method.replace('_', ' ')}
                  {p.reference ? ` · ${p.reference}` : ''}
                </span>
                <span className="flex items-center gap-2 tabular-nums">
                  {money(p.amountCents)}
                  {canDelete ? (
                    <Button
                      variant="ghost"
                      onClick={() => void deletePayment.mutateAsync(p.id)}
                      aria-label="Delete payment"
                    >
                      ×
                    </Button>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
