import { type BoardJob, JOB_PRIORITIES } from '@tessera/contracts';
import { useEffect, useMemo, useState } from 'react';
import { showToast } from '../../../stores/toast-store';
import { type BoardFilters, boardKey, useAssignJob, useBoard } from '../api/board';
import { type BoardView, boardWindow, durationMs } from '../board-time';
import { BoardGrid } from './board-grid';
import { JobBlock } from './job-block';

const input = 'rounded-md border bg-transparent px-2 py-1 text-sm';

/**
 * The dispatch board: a day or a week, crews as rows, the unassigned queue beside it. Drag a job onto a crew
 * and time — or pick it with Enter and press Enter on a slot — to assign or reschedule; a refusal (the crew is
 * busy then) puts it back with the server's message. Live: job events over the socket refetch it.
 */
export function DispatchBoardPage() {
  const [view, setView] = useState<BoardView>('day');
  const [anchor, setAnchor] = useState(() => new Date());
  const [filters, setFilters] = useState<BoardFilters>({});
  const [picked, setPicked] = useState<BoardJob | null>(null);
  const win = useMemo(() => boardWindow(view, anchor), [view, anchor]);
  const from = win.from.toISOString();
  const to = win.to.toISOString();
  const board = useBoard(from, to, filters);
  const assign = useAssignJob(boardKey(from, to, filters), (message) => showToast(message, 'danger'));
  const all = [...(board.data?.jobs ?? []), ...(board.data?.unassigned ?? [])];
  const place = (jobId: string, crewId: string | null, start: Date) => {
    const job = all.find((j) => j.id === jobId);
    if (!job) return;
    setPicked(null);
    assign.mutate({
      jobId,
      crewId,
      scheduledStart: start.toISOString(),
      scheduledEnd: new Date(start.getTime() + durationMs(job)).toISOString(),
      version: job.version,
    });
  };
  const shift = (dir: number) =>
    setAnchor((a) => new Date(a.getFullYear(), a.getMonth(), a.getDate() + dir * (view === 'day' ? 1 : 7)));
  useEffect(() => {
    const cancel = (e: KeyboardEvent) => e.key === 'Escape' && setPicked(null);
    window.addEventListener('keydown', cancel);
    return () => window.removeEventListener('keydown', cancel);
  }, []);
  const pick = (job: BoardJob) => setPicked((p) => (p?.id === job.id ? null : job));

  return (
    <div className="space-y-3 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="mr-auto text-xl font-semibold">Dispatch</h1>
        <button type="button" className={input} onClick={() => shift(-1)} aria-label="Previous">
          ←
        </button>
        <span className="text-sm" aria-live="polite">
          {win.from.toLocaleDateString()}
          {view === 'week' ? ` – ${new Date(win.to.getTime() - 1).toLocaleDateString()}` : ''}
        </span>
        <button type="button" className={input} onClick={() => shift(1)} aria-label="Next">
          →
        </button>
        <select
          className={input}
          value={view}
          onChange={(e) => setView(e.target.value as BoardView)}
          aria-label="View"
        >
          <option value="day">Day</option>
          <option value="week">Week</option>
        </select>
      </div>
      {picked && (
        <p className="rounded-md bg-sky-50 px-3 py-2 text-sm dark:bg-sky-950" role="status">
          Moving “{picked.title}”: choose a crew and time (Enter), or Escape to cancel.
        </p>
      )}
      <div className="grid gap-3 lg:grid-cols-[1fr_18rem]">
        <div>
          {board.isPending && <p className="text-sm text-zinc-500">Loading the board…</p>}
          {board.isError && (
            <p className="text-sm text-red-700">The board could not be loaded: {board.error.message}</p>
          )}
          {board.data && (
            <BoardGrid
              crews={board.data.crews}
              jobs={board.data.jobs}
              from={win.from}
              to={win.to}
              slots={win.slots}
              slotLabel={win.slotLabel}
              picked={picked}
              onPick={pick}
              onPlace={place}
            />
          )}
        </div>
        <section
          aria-label="Unassigned jobs"
          className="space-y-2 rounded-md border p-2"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e) => {
            const id = e.dataTransfer.getData('text/job-id');
            const job = all.find((j) => j.id === id);
            if (job?.crewId) place(id, null, new Date(job.scheduledStart ?? win.from));
          }}
        >
          <h2 className="text-sm font-semibold">Unassigned ({board.data?.unassigned.length ?? 0})</h2>
          <div className="flex flex-wrap gap-1">
            <select
              className={input}
              aria-label="Priority"
              value={filters.priority ?? ''}
              onChange={(e) => setFilters((f) => ({ ...f, priority: e.target.value || undefined }))}
            >
              <option value="">Any priority</option>
              {JOB_PRIORITIES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
            <input
              className={`${input} w-24`}
              placeholder="Skill"
              aria-label="Skill"
              onChange={(e) => setFilters((f) => ({ ...f, skill: e.target.value.trim() || undefined }))}
            />
            <input
              className={`${input} w-24`}
              placeholder="Area"
              aria-label="Area"
              onChange={(e) => setFilters((f) => ({ ...f, area: e.target.value.trim() || undefined }))}
            />
          </div>
          {picked?.crewId && (
            <button
              type="button"
              className={input}
              onClick={() => place(picked.id, null, new Date(picked.scheduledStart ?? win.from))}
            >
              Unassign “{picked.title}”
            </button>
          )}
          {board.data?.unassigned.length === 0 && <p className="text-sm text-zinc-500">Nothing waiting.</p>}
          <ul className="space-y-1">
            {board.data?.unassigned.map((job) => (
              <li key={job.id}>
                <JobBlock job={job} picked={picked?.id === job.id} onPick={pick} style={{ width: '100%' }} />
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
