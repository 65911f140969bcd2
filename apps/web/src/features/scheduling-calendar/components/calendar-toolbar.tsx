import type { Agent } from '@tessera/contracts';
import { Link } from 'react-router';
import { Button, buttonClasses } from '../../../components/ui/button';
import { Select } from '../../../components/ui/input';
import { type CalendarView, dayLabel } from '../calendar-time';

interface Props {
  view: CalendarView;
  dates: string[];
  agents: Agent[];
  agentId: string | undefined;
  zone: string;
  nameOf: (agent: Agent) => string;
  onView: (view: CalendarView) => void;
  onAgent: (id: string) => void;
  onShift: (dir: 1 | -1) => void;
  onToday: () => void;
}

/** View switch (day / week / team), agent picker, previous / today / next, and the zone times are shown in. */
export function CalendarToolbar(props: Props) {
  const { view, dates, agents, agentId, zone } = props;
  const first = dates[0] ?? '';
  const last = dates.at(-1) ?? first;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <fieldset className="flex rounded-md border border-zinc-200 dark:border-zinc-800 p-0.5">
        <legend className="sr-only">View</legend>
        {(['day', 'week', 'team'] as const).map((v) => (
          <Button
            key={v}
            size="sm"
            variant={view === v ? 'primary' : 'ghost'}
            aria-pressed={view === v}
            onClick={() => props.onView(v)}
          >
            {v === 'team' ? 'Team' : v === 'day' ? 'Day' : 'Week'}
          </Button>
        ))}
      </fieldset>
      {view !== 'team' && (
        <div className="w-56">
          <Select aria-label="Agent" value={agentId ?? ''} onChange={(e) => props.onAgent(e.target.value)}>
            {agents.map((a) => (
              <option key={a.id} value={a.id}>
                {props.nameOf(a)}
              </option>
            ))}
          </Select>
        </div>
      )}
      <div className="flex items-center gap-1">
        <Button variant="secondary" size="sm" aria-label="Previous" onClick={() => props.onShift(-1)}>
          ←
        </Button>
        <Button variant="secondary" size="sm" onClick={props.onToday}>
          Today
        </Button>
        <Button variant="secondary" size="sm" aria-label="Next" onClick={() => props.onShift(1)}>
          →
        </Button>
      </div>
      <span className="text-sm font-medium" aria-live="polite" data-testid="calendar-range">
        {dayLabel(first)}
        {last !== first ? ` – ${dayLabel(last)}` : ''}
      </span>
      <span className="text-xs text-zinc-500">Times in {zone}</span>
      <Link to="/my-day" className={buttonClasses({ variant: 'ghost', size: 'sm', className: 'ml-auto' })}>
        My day
      </Link>
    </div>
  );
}
