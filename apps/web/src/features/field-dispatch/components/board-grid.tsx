import type { BoardJob, Crew } from '@tessera/contracts';
import { blockPosition, conflictsOf } from '../board-time';
import { JobBlock } from './job-block';

interface Props {
  crews: Crew[];
  jobs: BoardJob[];
  from: Date;
  to: Date;
  slots: Date[];
  slotLabel: (d: Date) => string;
  picked: BoardJob | null;
  onPick: (job: BoardJob) => void;
  /** A job dropped (or placed with the keyboard) on a crew at a slot's time. */
  onPlace: (jobId: string, crewId: string, start: Date) => void;
}

/** Crews as rows, time as columns, jobs as blocks. Every slot is a drop target and a button. */
export function BoardGrid({ crews, jobs, from, to, slots, slotLabel, picked, onPick, onPlace }: Props) {
  const cols = { gridTemplateColumns: `repeat(${slots.length}, minmax(3rem, 1fr))` };
  return (
    <section className="overflow-x-auto rounded-md border" aria-label="Dispatch board">
      <div className="min-w-[44rem]">
        <div className="flex border-b bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900">
          <div className="w-36 shrink-0 px-2 py-1">Crew</div>
          <div className="grid flex-1" style={cols}>
            {slots.map((s) => (
              <div key={s.toISOString()} className="border-l px-1 py-1">
                {slotLabel(s)}
              </div>
            ))}
          </div>
        </div>
        {crews.length === 0 && <p className="p-4 text-sm text-zinc-500">No crews yet.</p>}
        {crews.map((crew) => {
          const mine = jobs.filter((j) => j.crewId === crew.id);
          const conflicts = conflictsOf(crew, mine);
          return (
            <div key={crew.id} className="flex border-b last:border-b-0" data-testid={`crew-row-${crew.id}`}>
              <div className="w-36 shrink-0 px-2 py-2 text-sm">
                <div className="font-medium">{crew.name}</div>
                <div className="truncate text-xs text-zinc-500">{crew.skills.join(', ')}</div>
              </div>
              <div className="relative min-h-16 flex-1">
                <div className="absolute inset-0 grid" style={cols}>
                  {slots.map((s) => (
                    <button
                      type="button"
                      key={s.toISOString()}
                      data-testid={`slot-${crew.id}-${s.toISOString()}`}
                      aria-label={`Place ${picked ? `"${picked.title}"` : 'the picked job'} on ${crew.name} at ${slotLabel(s)}`}
                      disabled={!picked}
                      className="border-l hover:bg-sky-50 focus:bg-sky-100 focus:outline-none disabled:cursor-default dark:hover:bg-sky-950"
                      onDragOver={(e) => e.preventDefault()}
                      onDrop={(e) => {
                        e.preventDefault();
                        const id = e.dataTransfer.getData('text/job-id');
                        if (id) onPlace(id, crew.id, s);
                      }}
                      onClick={() => picked && onPlace(picked.id, crew.id, s)}
                    />
                  ))}
                </div>
                {mine.map((job) => {
                  const p = blockPosition(job, from, to);
                  return (
                    <JobBlock
                      key={job.id}
                      job={job}
                      picked={picked?.id === job.id}
                      conflict={conflicts.has(job.id)}
                      onPick={onPick}
                      style={{ position: 'absolute', top: 6, left: `${p.left}%`, width: `${p.width}%` }}
                    />
                  );
                })}
              </div>
            </div>
          );
        })}
      </div>
    </section>
  );
}
