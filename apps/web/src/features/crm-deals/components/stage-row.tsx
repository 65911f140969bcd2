import type { DragEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { cn } from '../../../lib/cn';
import type { StageDraft } from '../api/pipeline-draft';

export const STAGE_DRAG_TYPE = 'application/x-tessera-stage';

const KINDS = [
  { value: 'open', label: 'Open' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
];

export interface StageRowProps {
  stage: StageDraft;
  index: number;
  count: number;
  onChange: (change: Partial<StageDraft>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
  onDropAt: (key: string, to: number) => void;
}

/** One stage of the pipeline editor: drag handle, name, probability, kind, up / down, remove. */
export function StageRow({ stage, index, count, onChange, onMove, onRemove, onDropAt }: StageRowProps) {
  const label = stage.name || `Stage ${index + 1}`;
  return (
    <li
      data-testid="stage-row"
      draggable
      onDragStart={(event: DragEvent) => {
        event.dataTransfer.setData(STAGE_DRAG_TYPE, stage.key);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (!event.dataTransfer.types.includes(STAGE_DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
      }}
      onDrop={(event) => {
        const key = event.dataTransfer.getData(STAGE_DRAG_TYPE);
        if (!key) return;
        event.preventDefault();
        onDropAt(key, index);
      }}
      className={cn(
        'grid grid-cols-[auto_1fr_1fr] items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 sm:grid-cols-[auto_1fr_7rem_7rem_auto] dark:border-zinc-800 dark:bg-zinc-900',
      )}
    >
      <span
        aria-hidden="true"
        className="cursor-grab self-center text-lg leading-none text-zinc-400 select-none active:cursor-grabbing"
        title="Drag to reorder"
      >
        ⠿
      </span>
      <TextField
        label="Stage name"
        value={stage.name}
        maxLength={80}
        fieldClassName="col-span-2 sm:col-span-1"
        onChange={(event) => onChange({ name: event.target.value })}
      />
      <TextField
        label="Probability (%)"
        type="number"
        min={0}
        max={100}
        value={stage.probability}
        fieldClassName="col-start-2 sm:col-start-auto"
        onChange={(event) => onChange({ probability: event.target.value })}
      />
      <SelectField
        label="Kind"
        value={stage.kind}
        options={KINDS}
        onChange={(event) => onChange({ kind: event.target.value as StageDraft['kind'] })}
      />
      <div className="col-span-2 col-start-2 flex gap-1 sm:col-span-1 sm:col-start-auto">
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Move ${label} up`}
          disabled={index === 0}
          onClick={() => onMove(index - 1)}
        >
          ↑
        </Button>
        <Button
          size="sm"
          variant="ghost"
          aria-label={`Move ${label} down`}
          disabled={index === count - 1}
          onClick={() => onMove(index + 1)}
        >
          ↓
        </Button>
        <Button size="sm" variant="ghost" aria-label={`Remove ${label}`} onClick={onRemove}>
          Remove
        </Button>
      </div>
    </li>
  );
}
