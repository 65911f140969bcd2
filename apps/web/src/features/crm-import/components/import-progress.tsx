import type { ImportJob } from '@tessera/contracts';

/** Progress bar of a running import (processed / total). */
export function ImportProgress({ job }: { job: ImportJob | undefined }) {
  const total = job?.total ?? 0;
  const processed = job?.processed ?? 0;
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : 0;
  return (
    <div className="space-y-2">
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        className="h-2.5 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        <div
          className="h-full rounded-full bg-indigo-600 transition-all dark:bg-indigo-400"
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" role="status">
        {job?.status === 'queued' || !job
          ? 'Waiting to start…'
          : `${processed} of ${total} rows (${percent}%)`}
      </p>
    </div>
  );
}
