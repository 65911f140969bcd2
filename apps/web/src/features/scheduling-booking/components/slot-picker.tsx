import type { BookingSlots } from '@tessera/contracts';
import { useState } from 'react';
import { cn } from '../../../lib/cn';
import { dayLabel } from '../api';

const chip =
  'rounded-lg border px-3 py-2 text-sm font-medium outline-none focus-visible:ring-2 focus-visible:ring-indigo-500';
const idle =
  'border-zinc-300 bg-white text-zinc-800 hover:border-indigo-400 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100';
const active = 'border-indigo-600 bg-indigo-600 text-white';

/** Pick a day (those with free times), then a time; times are in the visitor's zone. */
export function SlotPicker({
  slots,
  value,
  onChange,
}: {
  slots: BookingSlots;
  value: string | null;
  onChange: (startsAt: string) => void;
}) {
  const open = slots.days.filter((d) => d.slots.length > 0);
  const [day, setDay] = useState(open[0]?.date ?? null);
  const current = slots.days.find((d) => d.date === day);
  if (open.length === 0)
    return (
      <p className="rounded-lg bg-zinc-100 p-4 text-sm text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
        No free times in the next two weeks. Please try again later.
      </p>
    );
  return (
    <div className="space-y-4">
      <fieldset className="min-w-0">
        <legend className="mb-2 text-sm font-medium">Day</legend>
        <div className="flex gap-2 overflow-x-auto pb-1" data-testid="booking-days">
          {open.map((d) => (
            <button
              key={d.date}
              type="button"
              aria-pressed={d.date === day}
              className={cn(chip, 'shrink-0', d.date === day ? active : idle)}
              onClick={() => setDay(d.date)}
            >
              {dayLabel(d.date)}
            </button>
          ))}
        </div>
      </fieldset>
      <fieldset className="min-w-0">
        <legend className="mb-2 text-sm font-medium">
          Time <span className="font-normal text-zinc-500">({slots.timeZone})</span>
        </legend>
        <div className="grid grid-cols-3 gap-2 sm:grid-cols-4" data-testid="booking-times">
          {current?.slots.map((s) => (
            <button
              key={s.startsAt}
              type="button"
              aria-pressed={s.startsAt === value}
              className={cn(chip, s.startsAt === value ? active : idle)}
              onClick={() => onChange(s.startsAt)}
            >
              {s.time}
            </button>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
