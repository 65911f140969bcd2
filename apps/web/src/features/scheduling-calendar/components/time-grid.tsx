import type { Appointment } from '@tessera/contracts';
import { useState } from 'react';
import { blockPlacement, DAY_END, DAY_START, instantAt, layoutOverlaps } from '../calendar-time';
import { AppointmentBlock } from './appointment-block';

/** One day column: a date, and the agent whose appointments it shows. */
export interface GridColumn {
  key: string;
  date: string;
  agentId: string;
  label: string;
}

interface Props {
  columns: GridColumn[];
  zone: string;
  appointments: Appointment[];
  titleOf: (a: Appointment) => string;
  colourOf: (a: Appointment) => string;
  canManage: boolean;
  onOpen: (a: Appointment) => void;
  /** A free half hour clicked: book there. */
  onSlot: (column: GridColumn, startsAt: string) => void;
  /** An appointment dropped on a column's half hour. */
  onDrop: (a: Appointment, column: GridColumn, minutes: number) => void;
  onResize: (a: Appointment, endsAt: string) => void;
}

const HOUR_PX = 48;
const STEP = 30;
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
const ACTIVE = new Set(['scheduled', 'confirmed']);

/**
 * Days (or agents) as columns, the visible hours as rows. Each half hour is a button (book there, and a drop
 * target while a block is dragged); appointments sit on top, overlapping ones side by side.
 */
export function TimeGrid(props: Props) {
  const { columns, zone, appointments, canManage } = props;
  const [dragged, setDragged] = useState<Appointment | null>(null);
  const steps = Array.from({ length: (DAY_END - DAY_START) / STEP }, (_, i) => DAY_START + i * STEP);
  const height = ((DAY_END - DAY_START) / 60) * HOUR_PX;
  return (
    <section
      aria-label="Calendar"
      className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800 bg-white dark:bg-zinc-950"
    >
      <div className="min-w-fit" style={{ minWidth: `${3.5 + columns.length * 7}rem` }}>
        <div className="sticky top-0 z-10 flex border-b border-zinc-200 dark:border-zinc-800 bg-zinc-50 text-xs font-medium dark:bg-zinc-900">
          <div className="w-14 shrink-0" />
          {columns.map((c) => (
            <div
              key={c.key}
              className="min-w-28 flex-1 truncate border-l border-zinc-200 dark:border-zinc-800 px-2 py-2"
              title={c.label}
            >
              {c.label}
            </div>
          ))}
        </div>
        <div className="flex">
          <div className="relative w-14 shrink-0 text-right text-[11px] text-zinc-500" style={{ height }}>
            {steps
              .filter((m) => m % 60 === 0)
              .map((m) => (
                <span
                  key={m}
                  className="absolute right-1 -translate-y-1/2"
                  style={{ top: ((m - DAY_START) / 60) * HOUR_PX }}
                >
                  {m === DAY_START ? '' : hhmm(m)}
                </span>
              ))}
          </div>
          {columns.map((column) => {
            const mine = appointments.filter((a) => a.agentId === column.agentId);
            const placed = mine.flatMap((a) => {
              const p = blockPlacement(a, zone, column.date);
              return p ? [{ a, p }] : [];
            });
            const layout = layoutOverlaps(placed.map(({ a }) => a));
            return (
              <div
                key={column.key}
                className="relative min-w-28 flex-1 border-l border-zinc-200 dark:border-zinc-800"
                style={{ height }}
                data-testid={`column-${column.date}-${column.agentId}`}
              >
                {steps.map((m) => (
                  <button
                    type="button"
                    key={m}
                    data-testid={`slot-${column.agentId}-${column.date}-${hhmm(m)}`}
                    aria-label={`${column.label} ${hhmm(m)}${canManage ? ': book' : ''}`}
                    disabled={!canManage}
                    className={`absolute inset-x-0 block w-full hover:bg-indigo-50 focus:bg-indigo-100 focus:outline-none disabled:cursor-default disabled:hover:bg-transparent dark:hover:bg-indigo-950 ${m % 60 === 0 ? 'border-t border-zinc-200 dark:border-zinc-800' : 'border-t border-dashed border-zinc-100 dark:border-zinc-900'}`}
                    style={{ top: ((m - DAY_START) / 60) * HOUR_PX, height: (STEP / 60) * HOUR_PX }}
                    onClick={() => props.onSlot(column, instantAt(zone, column.date, m))}
                    onDragOver={(e) => {
                      if (dragged) e.preventDefault();
                    }}
                    onDrop={(e) => {
                      e.preventDefault();
                      const id = e.dataTransfer.getData('text/appointment-id');
                      const a = appointments.find((x) => x.id === id) ?? dragged;
                      setDragged(null);
                      if (a) props.onDrop(a, column, m);
                    }}
                  />
                ))}
                {placed.map(({ a, p }) => {
                  const l = layout.get(a.id) ?? { column: 0, columns: 1 };
                  return (
                    <AppointmentBlock
                      key={a.id}
                      appointment={a}
                      zone={zone}
                      title={props.titleOf(a)}
                      colour={props.colourOf(a)}
                      movable={canManage && ACTIVE.has(a.status)}
                      style={{
                        top: `${p.top}%`,
                        height: `${p.height}%`,
                        left: `${(l.column / l.columns) * 100}%`,
                        width: `${100 / l.columns}%`,
                        pointerEvents: dragged ? 'none' : undefined,
                      }}
                      onOpen={props.onOpen}
                      onDragStart={setDragged}
                      onDragEnd={() => setDragged(null)}
                      onResize={props.onResize}
                    />
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
