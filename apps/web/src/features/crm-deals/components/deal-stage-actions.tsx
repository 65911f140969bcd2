import { useQueryClient } from '@tanstack/react-query';
import type { Deal, Pipeline } from '@tessera/contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { Menu } from '../../../components/ui/menu';
import { errorMessage } from '../../../lib/api-error';
import { showToast } from '../../../stores/toast-store';
import { dealRecords } from '../api/deals';
import { DealOutcomeDialog, type PendingOutcome } from './deal-outcome-dialog';

type Stage = Pipeline['stages'][number];

/**
 * The deal page's stage controls: "Mark as won", "Mark as lost" (asks the reason) and "Move to…" (open
 * stages; on a closed deal it reopens it). Errors (409 stale version, refused move) go to a toast.
 */
export function DealStageActions({ deal, pipeline }: { deal: Deal; pipeline: Pipeline | undefined }) {
  const won = dealRecords.useAction<{ version: number }>('won');
  const lost = dealRecords.useAction<{ reason: string; version: number }>('lost');
  const stage = dealRecords.useAction<{ stageId: string; version: number }>('stage');
  const [pending, setPending] = useState<PendingOutcome | null>(null);
  const queryClient = useQueryClient();
  if (!pipeline) return null;
  const firstOf = (kind: Stage['kind']) => pipeline.stages.find((item) => item.kind === kind);
  const onError = (error: unknown) =>
    showToast(`“${deal.title}” was not changed: ${errorMessage(error)}`, 'danger');
  const onDone = (message: string) => () => {
    showToast(message, 'success');
    // The company page lists its deals with their status (a key of the companies area).
    void queryClient.invalidateQueries({ queryKey: ['companies'] });
  };
  const winStage = firstOf('won');
  const loseStage = firstOf('lost');
  const openStages = pipeline.stages.filter((item) => item.kind === 'open' && item.id !== deal.stageId);
  const busy = won.isPending || lost.isPending || stage.isPending;
  return (
    <>
      {deal.status === 'open' && winStage ? (
        <Button disabled={busy} onClick={() => setPending({ deal, stage: winStage })}>
          Mark as won
        </Button>
      ) : null}
      {deal.status === 'open' && loseStage ? (
        <Button variant="secondary" disabled={busy} onClick={() => setPending({ deal, stage: loseStage })}>
          Mark as lost
        </Button>
      ) : null}
      {openStages.length > 0 ? (
        <Menu
          label={deal.status === 'open' ? 'Move to stage' : 'Reopen'}
          trigger={deal.status === 'open' ? 'Move to…' : 'Reopen…'}
          items={openStages.map((item) => ({
            key: item.id,
            label: `${item.name} (${item.probability}%)`,
            onSelect: () =>
              stage.mutate(
                { id: deal.id, stageId: item.id, version: deal.version },
                { onError, onSuccess: onDone(`Moved to ${item.name}`) },
              ),
          }))}
        />
      ) : null}
      <DealOutcomeDialog
        pending={pending}
        onCancel={() => setPending(null)}
        onWon={() => {
          setPending(null);
          won.mutate({ id: deal.id, version: deal.version }, { onError, onSuccess: onDone('Marked as won') });
        }}
        onLost={(_, reason) => {
          setPending(null);
          lost.mutate(
            { id: deal.id, reason, version: deal.version },
            { onError, onSuccess: onDone('Marked as lost') },
          );
        }}
      />
    </>
  );
}
