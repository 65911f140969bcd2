import type { Pipeline } from '@tessera/contracts';

type StageKind = Pipeline['stages'][number]['kind'];

/** A stage being edited: `id` when it exists on the server, `key` for React and drag and drop. */
export interface StageDraft {
  key: string;
  id?: string;
  name: string;
  /** As typed (a number 0–100 once valid). */
  probability: string;
  kind: StageKind;
}

export interface PipelineDraft {
  name: string;
  isDefault: boolean;
  stages: StageDraft[];
}

let nextKey = 1;
const newKey = () => `new-${nextKey++}`;

export function draftOf(pipeline: Pipeline): PipelineDraft {
  return {
    name: pipeline.name,
    isDefault: pipeline.isDefault,
    stages: pipeline.stages.map((stage) => ({
      key: stage.id,
      id: stage.id,
      name: stage.name,
      probability: String(stage.probability),
      kind: stage.kind,
    })),
  };
}

/** A new open stage, placed before the first closed one (won / lost stay last). */
export function addStage(draft: PipelineDraft): PipelineDraft {
  const stage: StageDraft = { key: newKey(), name: '', probability: '50', kind: 'open' };
  const firstClosed = draft.stages.findIndex((item) => item.kind !== 'open');
  const at = firstClosed === -1 ? draft.stages.length : firstClosed;
  return { ...draft, stages: [...draft.stages.slice(0, at), stage, ...draft.stages.slice(at)] };
}

/** The stage `key` moved to position `to` (drag and drop, or the up / down buttons). */
export function moveStage(draft: PipelineDraft, key: string, to: number): PipelineDraft {
  const from = draft.stages.findIndex((stage) => stage.key === key);
  if (from === -1 || to < 0 || to >= draft.stages.length || to === from) return draft;
  const stages = [...draft.stages];
  const [moved] = stages.splice(from, 1);
  if (moved) stages.splice(to, 0, moved);
  return { ...draft, stages };
}

export function updateStage(draft: PipelineDraft, key: string, change: Partial<StageDraft>): PipelineDraft {
  return {
    ...draft,
    stages: draft.stages.map((stage) => (stage.key === key ? { ...stage, ...change } : stage)),
  };
}

export function removeStage(draft: PipelineDraft, key: string): PipelineDraft {
  return { ...draft, stages: draft.stages.filter((stage) => stage.key !== key) };
}

/** `pipelineUpdateInput` / `pipelineCreateInput` body (the contract checks it; blanks become NaN / ''). */
export function draftInput(draft: PipelineDraft) {
  return {
    name: draft.name,
    isDefault: draft.isDefault,
    stages: draft.stages.map((stage) => ({
      ...(stage.id ? { id: stage.id } : {}),
      name: stage.name,
      probability: stage.probability.trim() === '' ? Number.NaN : Number(stage.probability),
      kind: stage.kind,
    })),
  };
}
