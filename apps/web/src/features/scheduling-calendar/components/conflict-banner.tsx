import type { Slot } from '@tessera/contracts';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { clock, dayLabel } from '../calendar-time';

/** A refused move or booking: the server's message and its next free slots, each a button to take it. */
export function ConflictBanner({
  message,
  slots,
  zone,
  onPick,
  onClose,
}: {
  message: string;
  slots: Slot[];
  zone: string;
  onPick?: (slot: Slot) => void;
  onClose?: () => void;
}) {
  const dateIn = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: zone });
  return (
    <Alert
      tone="warning"
      role="alert"
      title="That time is taken"
      action={
        onClose ? (
          <Button variant="ghost" size="sm" onClick={onClose}>
            Dismiss
          </Button>
        ) : undefined
      }
    >
      <p>{message}</p>
      {slots.length > 0 && (
        <div className="mt-2 flex flex-wrap items-center gap-1" data-testid="next-slots">
          <span className="text-xs">Next free:</span>
          {slots.map((s) => (
            <Button
              key={`${s.agentId}-${s.startsAt}`}
              size="sm"
              variant="secondary"
              disabled={!onPick}
              onClick={() => onPick?.(s)}
            >
              {dayLabel(dateIn(s.startsAt))} {clock(s.startsAt, zone)}
            </Button>
          ))}
        </div>
      )}
    </Alert>
  );
}
