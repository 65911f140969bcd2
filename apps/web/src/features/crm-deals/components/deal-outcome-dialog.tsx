import { type Deal, dealLostInput, type Pipeline } from '@tessera/contracts';
import { RecordForm } from '../../../components/records/record-form';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { Dialog } from '../../../components/ui/dialog';

/** A deal about to be closed, and the won / lost stage it goes to (from the board or the deal page). */
export interface PendingOutcome {
  deal: Deal;
  stage: Pipeline['stages'][number];
}

/** Moving into a won stage asks for confirmation; into a lost stage, for the reason. */
export function DealOutcomeDialog({
  pending,
  onCancel,
  onWon,
  onLost,
}: {
  pending: PendingOutcome | null;
  onCancel: () => void;
  onWon: (pending: PendingOutcome) => void;
  onLost: (pending: PendingOutcome, reason: string) => void;
}) {
  if (pending?.stage.kind === 'won') {
    return (
      <ConfirmDialog
        open
        tone="primary"
        title="Mark deal as won"
        confirmLabel="Mark as won"
        onClose={onCancel}
        onConfirm={() => onWon(pending)}
      >
        Move “{pending.deal.title}” to {pending.stage.name} and close it as won?
      </ConfirmDialog>
    );
  }
  return (
    <Dialog open={pending?.stage.kind === 'lost'} onClose={onCancel} title="Mark deal as lost" size="sm">
      {pending ? (
        <RecordForm
          schema={dealLostInput}
          initialValues={{ reason: '' }}
          fields={[{ name: 'reason', label: 'Reason', kind: 'textarea', autoFocus: true }]}
          toInput={(values) => ({ reason: values.reason, version: pending.deal.version })}
          submitLabel="Mark as lost"
          onCancel={onCancel}
          onSubmit={async (input) => onLost(pending, input.reason)}
        />
      ) : null}
    </Dialog>
  );
}
