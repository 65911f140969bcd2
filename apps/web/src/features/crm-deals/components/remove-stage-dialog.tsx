import { useQuery } from '@tanstack/react-query';
import type { Pipeline } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { SelectField } from '../../../components/ui/form-field';
import { Skeleton } from '../../../components/ui/skeleton';
import { Spinner } from '../../../components/ui/spinner';
import { moveStageDeals, stageDeals } from '../api/pipeline-changes';
import type { StageDraft } from '../api/pipeline-draft';

/**
 * Removing a saved stage: counts its deals (archived too); with deals, asks which stage of the same kind they
 * move to, moves them, then lets the editor save the pipeline without the stage.
 */
export function RemoveStageDialog({
  pipeline,
  stage,
  others,
  onCancel,
  onRemoved,
}: {
  pipeline: Pipeline;
  stage: StageDraft & { id: string };
  /** The saved stages that stay. */
  others: readonly (StageDraft & { id: string })[];
  onCancel: () => void;
  onRemoved: () => Promise<unknown>;
}) {
  const deals = useQuery({
    queryKey: ['deals', 'stage', stage.id],
    queryFn: ({ signal }) => stageDeals(pipeline, stage.id, signal),
  });
  const targets = others.filter((other) => other.kind === stage.kind);
  const [target, setTarget] = useState(targets[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const count = deals.data?.length ?? 0;
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      if (count > 0) await moveStageDeals(pipeline, stage.id, target);
      await onRemoved();
    } catch (caught) {
      setError(caught);
      void deals.refetch();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onCancel} title={`Remove ${stage.name}`} size="sm">
      {deals.error ? (
        <ErrorAlert
          error={deals.error}
          title="Could not count its deals"
          onRetry={() => void deals.refetch()}
        />
      ) : !deals.data ? (
        <Skeleton className="h-9 w-full" />
      ) : count === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          No deal is in this stage; it is removed at once.
        </p>
      ) : targets.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {count} {count === 1 ? 'deal is' : 'deals are'} in this stage and there is no other {stage.kind}{' '}
          stage to move them to. Add one first.
        </p>
      ) : (
        <div className="space-y-3 text-sm text-zinc-700 dark:text-zinc-300">
          <p>
            {count} {count === 1 ? 'deal is' : 'deals are'} in this stage (archived ones included). They move
            to:
          </p>
          <SelectField
            label="Move its deals to"
            value={target}
            options={targets.map((item) => ({ value: item.id, label: item.name }))}
            onChange={(event) => setTarget(event.target.value)}
          />
        </div>
      )}
      {error ? <ErrorAlert error={error} title="The stage was not removed" className="mt-4" /> : null}
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button
          variant="danger"
          disabled={busy || !deals.data || (count > 0 && !target)}
          onClick={() => void confirm()}
        >
          {busy ? <Spinner /> : null}
          {count > 0 ? 'Move deals and remove' : 'Remove stage'}
        </Button>
      </DialogFooter>
    </Dialog>
  );
}
