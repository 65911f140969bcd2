import type { BoardJob } from '@tessera/contracts';
import type { CSSProperties } from 'react';
import { cn } from '../../../lib/cn';

const PRIORITY: Record<string, string> = {
  urgent: 'border-l-red-600',
  high: 'border-l-amber-500',
  normal: 'border-l-sky-500',
  low: 'border-l-zinc-400',
};

/** A job as a draggable, focusable block; Enter or Space picks it up for a keyboard move. */
export function JobBlock({
  job,
  picked,
  conflict,
  style,
  onPick,
}: {
  job: BoardJob;
  picked: boolean;
  conflict?: boolean;
  style?: CSSProperties;
  onPick: (job: BoardJob) => void;
}) {
  return (
    <button
      type="button"
      draggable
      data-testid={`job-${job.id}`}
      aria-pressed={picked}
      aria-label={`${job.title}, ${job.priority} priority, ${job.status.replace('_', ' ')}${job.late ? ', late' : ''}${conflict ? ', conflict' : ''}`}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/job-id', job.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onClick={() => onPick(job)}
      style={style}
      className={cn(
        'truncate rounded border border-l-4 bg-white px-2 py-1 text-left text-xs shadow-sm dark:bg-zinc-900',
        PRIORITY[job.priority],
        job.late && 'bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100',
        conflict && 'ring-2 ring-amber-500',
        picked && 'ring-2 ring-sky-600',
        job.status === 'completed' && 'opacity-60',
      )}
    >
      <span className="font-medium">{job.title}</span>
      <span className="block truncate text-zinc-500">
        {job.status.replace('_', ' ')}
        {job.late ? ' · late' : ''}
        {job.siteAddress ? ` · ${job.siteAddress}` : ''}
      </span>
    </button>
  );
}
