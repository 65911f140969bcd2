import type { Milestone } from '@tessera/contracts';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Select } from '../../../components/ui/input';
import { cn } from '../../../lib/cn';
import { humanize } from '../../../lib/records/labels';

/** What a user may set by hand: `billed` is reached only by invoicing the milestone. */
export const MANUAL_MILESTONE_STATUSES = ['open', 'reached'] as const;

/**
 * A milestone's status: a dropdown (open / reached) for `projects.manage`; a billed one shows "Billed" with a
 * link to its invoice instead (it stays billed).
 */
export function MilestoneStatus({
  milestone: m,
  canManage,
  onChange,
  className,
}: {
  milestone: Milestone;
  canManage: boolean;
  onChange: (status: Milestone['status']) => void;
  className?: string;
}) {
  if (m.status === 'billed')
    return (
      <span className="inline-flex flex-wrap items-baseline gap-x-2">
        <span className="font-medium">Billed</span>
        {m.invoiceRef ? (
          <Link
            className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400"
            to={`/invoices/${m.invoiceRef}`}
            aria-label={`Invoice of ${m.name}`}
          >
            View invoice
          </Link>
        ) : null}
      </span>
    );
  if (!canManage) return <>{humanize(m.status)}</>;
  return (
    <Select
      aria-label={`Status of ${m.name}`}
      value={m.status}
      className={cn('h-9 w-36', className)}
      onChange={(event) => onChange(event.target.value as Milestone['status'])}
    >
      {MANUAL_MILESTONE_STATUSES.map((s) => (
        <option key={s} value={s}>
          {humanize(s)}
        </option>
      ))}
    </Select>
  );
}

/** "Invoice" on a reached milestone with an amount (the draft invoice; the milestone becomes billed). */
export function MilestoneInvoiceButton({
  milestone: m,
  busy,
  onInvoice,
}: {
  milestone: Milestone;
  busy: boolean;
  onInvoice: () => void;
}) {
  if (m.status !== 'reached' || !m.amountCents) return null;
  return (
    <Button
      size="sm"
      variant="secondary"
      aria-label={`Invoice ${m.name}`}
      disabled={busy}
      onClick={onInvoice}
    >
      Invoice
    </Button>
  );
}
