import { Badge, type BadgeTone } from '../../../components/ui/badge';

const TONES: Record<string, BadgeTone> = {
  draft: 'neutral',
  issued: 'info',
  sent: 'info',
  partially_paid: 'warning',
  paid: 'success',
  overdue: 'danger',
  void: 'neutral',
  accepted: 'success',
  declined: 'danger',
  expired: 'neutral',
  invoiced: 'success',
};

export const statusLabel = (status: string) =>
  (status.charAt(0).toUpperCase() + status.slice(1)).replace('_', ' ');

/** A document's status as a coloured badge. */
export function DocumentStatus({ status }: { status: string }) {
  return <Badge tone={TONES[status] ?? 'neutral'}>{statusLabel(status)}</Badge>;
}
