import type { RecurringInvoice } from '@tessera/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';

const TONES: Record<RecurringInvoice['status'], BadgeTone> = {
  active: 'success',
  paused: 'warning',
  ended: 'neutral',
};

/** A template's status as a badge. */
export function RecurringStatus({ status }: { status: RecurringInvoice['status'] }) {
  return <Badge tone={TONES[status]}>{status.charAt(0).toUpperCase() + status.slice(1)}</Badge>;
}

/** "Every 2 weeks", "Monthly". */
export const scheduleLabel = (r: Pick<RecurringInvoice, 'unit' | 'every'>) =>
  r.every === 1 ? { day: 'Daily', week: 'Weekly', month: 'Monthly' }[r.unit] : `Every ${r.every} ${r.unit}s`;
