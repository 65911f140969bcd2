import { type Pipeline, pipelineUpdateInput } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { CheckboxField } from '../../../components/ui/input';
import { Spinner } from '../../../components/ui/spinner';
import { showToast } from '../../../stores/toast-store';
import { usePipelineChanges } from '../api/pipeline-changes';
import {
  addStage,
  draftInput,
  draftOf,
  moveStage,
  type PipelineDraft,
  removeStage,
  type StageDraft,
  updateStage,
} from '../api/pipeline-draft';
import { RemoveStageDialog } from './remove-stage-dialog';
import { StageRow } from './stage-row';

const saved = (stage: StageDraft): stage is StageDraft & { id: string } => stage.id !== undefined;

/** A pipeline's name, default flag and stages (add, rename, probability, kind, reorder, remove), saved at once. */
export function PipelineEditor({ pipeline }: { pipeline: Pipeline }) {
  const [draft, setDraft] = useState<PipelineDraft>(() => draftOf(pipeline));
  const [removing, setRemoving] = useState<(StageDraft & { id: string }) | null>(null);
  const [problem, setProblem] = useState<unknown>(null);
  const { update } = usePipelineChanges();

  const save = async (next: PipelineDraft) => {
    setProblem(null);
    const parsed = pipelineUpdateInput.safeParse({ ...draftInput(next), version: pipeline.version });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path[0] === 'stages' ? `Stage ${Number(issue.path[1]) + 1}: ` : '';
      setProblem(
        new Error(
          `${where}${issue?.path.at(-1) === 'probability' ? 'probability must be 0–100' : issue?.message}`,
        ),
      );
      return;
    }
    try {
      await update.mutateAsync({ id: pipeline.id, input: parsed.data });
      showToast(`“${next.name}” saved`, 'success');
    } catch (error) {
      setProblem(error);
      throw error;
    }
  };

  return (
    <form
      noValidate
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        void save(draft).catch(() => {});
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Pipeline name"
          value={draft.name}
          maxLength={120}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
        />
        <CheckboxField
          label="Default pipeline (new deals and converted leads go here)"
          className="self-end"
          checked={draft.isDefault}
          disabled={pipeline.isDefault}
          onChange={(event) => setDraft({ ...draft, isDefault: event.target.checked })}
        />
      </div>
      <div>
        <h3 className="mb-2 text-sm font-semibold text-zinc-900 dark:text-zinc-100">Stages</h3>
        <p className="mb-3 text-xs text-zinc-500 dark:text-zinc-400">
          Drag a stage (or use the arrows) to reorder. Probability is the chance a deal in that stage is won.
        </p>
        <ol className="space-y-2" aria-label="Stages">
          {draft.stages.map((stage, index) => (
            <StageRow
              key={stage.key}
              stage={stage}
              index={index}
              count={draft.stages.length}
              onChange={(change) => setDraft(updateStage(draft, stage.key, change))}
              onMove={(to) => setDraft(moveStage(draft, stage.key, to))}
              onDropAt={(key, to) => setDraft(moveStage(draft, key, to))}
              onRemove={() => (saved(stage) ? setRemoving(stage) : setDraft(removeStage(draft, stage.key)))}
            />
          ))}
        </ol>
        <Button variant="secondary" size="sm" className="mt-3" onClick={() => setDraft(addStage(draft))}>
          Add stage
        </Button>
      </div>
      {problem ? <ErrorAlert error={problem} title="The pipeline was not saved" /> : null}
      <div className="flex flex-wrap justify-end gap-2">
        <Button variant="secondary" onClick={() => setDraft(draftOf(pipeline))}>
          Discard changes
        </Button>
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? <Spinner /> : null}
          Save pipeline
        </Button>
      </div>
      {removing ? (
        <RemoveStageDialog
          pipeline={pipeline}
          stage={removing}
          others={draft.stages.filter(saved).filter((stage) => stage.key !== removing.key)}
          onCancel={() => setRemoving(null)}
          onRemoved={async () => {
            const next = removeStage(draft, removing.key);
            await save(next);
            setDraft(next);
            setRemoving(null);
          }}
        />
      ) : null}
    </form>
  );
}
