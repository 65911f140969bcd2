import type { DatedRange, WeeklyRange } from '@tessera/contracts';
import { Button } from '../../../components/ui/button';
import { Input } from '../../../components/ui/input';

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const time = 'w-28';

/** Weekly ranges (several per day): each weekday's ranges, with add and remove. */
export function WeeklyEditor({
  label,
  value,
  onChange,
}: {
  label: string;
  value: WeeklyRange[];
  onChange: (next: WeeklyRange[]) => void;
}) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">{label}</legend>
      {WEEKDAYS.map((name, i) => {
        const weekday = i + 1;
        const ranges = value.map((r, index) => ({ r, index })).filter(({ r }) => r.weekday === weekday);
        return (
          <div key={name} className="flex flex-wrap items-center gap-2 text-sm">
            <span className="w-24 text-zinc-600 dark:text-zinc-400">{name}</span>
            {ranges.length === 0 && <span className="text-zinc-400">—</span>}
            {ranges.map(({ r, index }) => (
              <span key={index} className="flex items-center gap-1">
                <Input
                  type="time"
                  className={time}
                  aria-label={`${label} ${name} from`}
                  value={r.start}
                  onChange={(e) =>
                    onChange(value.map((x, j) => (j === index ? { ...x, start: e.target.value } : x)))
                  }
                />
                –
                <Input
                  type="time"
                  className={time}
                  aria-label={`${label} ${name} to`}
                  value={r.end === '24:00' ? '23:59' : r.end}
                  onChange={(e) =>
                    onChange(value.map((x, j) => (j === index ? { ...x, end: e.target.value } : x)))
                  }
                />
                <Button
                  variant="ghost"
                  size="sm"
                  aria-label={`Remove ${name} ${r.start}–${r.end}`}
                  onClick={() => onChange(value.filter((_, j) => j !== index))}
                >
                  ×
                </Button>
              </span>
            ))}
            <Button
              variant="ghost"
              size="sm"
              aria-label={`Add ${label.toLowerCase()} on ${name}`}
              onClick={() =>
                onChange([...value, { weekday, start: ranges.length ? '13:00' : '09:00', end: '17:00' }])
              }
            >
              +
            </Button>
          </div>
        );
      })}
    </fieldset>
  );
}

/** Dates off: a list of dates with a picker to add one. */
export function DatesEditor({ value, onChange }: { value: string[]; onChange: (next: string[]) => void }) {
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Days off</legend>
      <div className="flex flex-wrap gap-1">
        {value.length === 0 && <span className="text-sm text-zinc-400">None</span>}
        {[...value].sort().map((d) => (
          <Button
            key={d}
            variant="secondary"
            size="sm"
            aria-label={`Remove day off ${d}`}
            onClick={() => onChange(value.filter((x) => x !== d))}
          >
            {d} ×
          </Button>
        ))}
      </div>
      <Input
        type="date"
        style={{ width: '11rem' }}
        aria-label="Add a day off"
        value=""
        onChange={(e) =>
          e.target.value && !value.includes(e.target.value) && onChange([...value, e.target.value])
        }
      />
    </fieldset>
  );
}

/** Extra working hours on given dates. */
export function ExtraDatesEditor({
  value,
  onChange,
}: {
  value: DatedRange[];
  onChange: (next: DatedRange[]) => void;
}) {
  const set = (index: number, patch: Partial<DatedRange>) =>
    onChange(value.map((x, j) => (j === index ? { ...x, ...patch } : x)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Extra working dates</legend>
      {value.map((r, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no id; a row is edited in place
        <div key={index} className="flex flex-wrap items-center gap-1">
          <Input
            type="date"
            className="w-44"
            aria-label="Extra date"
            value={r.date}
            onChange={(e) => set(index, { date: e.target.value })}
          />
          <Input
            type="time"
            className={time}
            aria-label="Extra date from"
            value={r.start}
            onChange={(e) => set(index, { start: e.target.value })}
          />
          –
          <Input
            type="time"
            className={time}
            aria-label="Extra date to"
            value={r.end}
            onChange={(e) => set(index, { end: e.target.value })}
          />
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Remove extra date ${r.date}`}
            onClick={() => onChange(value.filter((_, j) => j !== index))}
          >
            ×
          </Button>
        </div>
      ))}
      <Button
        variant="secondary"
        size="sm"
        onClick={() =>
          onChange([...value, { date: new Date().toISOString().slice(0, 10), start: '09:00', end: '13:00' }])
        }
      >
        Add an extra date
      </Button>
    </fieldset>
  );
}

/** "a, b, c" ↔ a label list. */
export const toList = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
