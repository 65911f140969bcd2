import type { Member } from '@tessera/contracts';
import { Button } from '../../../components/ui/button';

export interface MemberActionsProps {
  member: Member;
  busy: boolean;
  onToggleStatus: () => void;
  onRemove: () => void;
}

/** Disable / enable and remove buttons of a member row. */
export function MemberActions({ member, busy, onToggleStatus, onRemove }: MemberActionsProps) {
  return (
    <div className="flex flex-col items-end gap-1 sm:flex-row sm:justify-end sm:gap-2">
      <Button
        variant="secondary"
        size="sm"
        disabled={busy}
        onClick={onToggleStatus}
        aria-label={`${member.status === 'active' ? 'Disable' : 'Enable'} ${member.name}`}
      >
        {member.status === 'active' ? 'Disable' : 'Enable'}
      </Button>
      <Button variant="ghost" size="sm" onClick={onRemove} aria-label={`Remove ${member.name}`}>
        Remove
      </Button>
    </div>
  );
}
