import type { LeadStatus } from '@tessera/contracts';
import { Badge, type BadgeTone } from '../../../components/ui/badge';
import { humanize } from '../../../lib/records/labels';

const tones: Record<LeadStatus, BadgeTone> = {
  new: 'info',
  in_progress: 'warning',
  qualified: 'success',
  won: 'success',
  lost: 'danger',
};

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  return (
    <Badge tone={tones[status]} data-testid="lead-status">
      {humanize(status)}
    </Badge>
  );
}
