import type { Appointment } from '@tessera/contracts';
import { type CSSProperties, useRef, useState } from 'react';
import { cn } from '../../../lib/cn';
import { clock, DAY_END, DAY_START, resizedEnd } from '../calendar-time';

const ACTIVE = new Set(['scheduled', 'confirmed']);

export interface BlockProps {
  appointment: Appointment;
  zone: string;
  title: string;
  colour: string;
  style: CSSProperties;
  /** May be dragged and resized (appointments.manage, active status). */
  movable: boolean;
  onOpen: (a: Appointment) => void;
  onDragStart: (a: Appointment) => void;
  onDragEnd: () => void;
  onResize: (a: Appointment, endsAt: string) => void;
}

/**
 * An appointment in a day column: coloured by its type, a button that opens the drawer, draggable to another
 * time, with a bottom handle that changes its length (pointer drag, snapped to 15 minutes).
 */
export function AppointmentBlock(props: BlockProps) {
  const { appointment: a, zone, title, colour, style, movable } = props;
  const [preview, setPreview] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);
  const endsAt = preview ?? a.endsAt;
  const inactive = !ACTIVE.has(a.status);
  const startResize = (e: React.PointerEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const column = ref.current?.parentElement;
    if (!column) return;
    const startY = e.clientY;
    const perPixel = (DAY_END - DAY_START) / column.getBoundingClientRect().height;
    let end = a.endsAt;
    const move = (ev: PointerEvent) => {
      end = resizedEnd(a, (ev.clientY - startY) * perPixel);
      setPreview(end);
    };
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      setPreview(null);
      if (end !== a.endsAt) props.onResize(a, end);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const extra = preview ? (Date.parse(preview) - Date.parse(a.endsAt)) / (DAY_END - DAY_START) / 600 : 0;
  return (
    <div
      ref={ref}
      className="absolute px-0.5"
      style={{
        ...style,
        height: `calc(${style.height} + ${extra}%)`,
      }}
    >
      <button
        type="button"
        draggable={movable}
        data-testid={`appointment-${a.id}`}
        data-starts-at={a.startsAt}
        aria-label={`${title}, ${clock(a.startsAt, zone)}–${clock(endsAt, zone)}, ${a.status.replace('_', ' ')}`}
        onClick={() => props.onOpen(a)}
        onDragStart={(e) => {
          e.dataTransfer.setData('text/appointment-id', a.id);
          e.dataTransfer.effectAllowed = 'move';
          props.onDragStart(a);
        }}
        onDragEnd={props.onDragEnd}
        className={cn(
          'h-full w-full overflow-hidden rounded border border-l-4 px-1.5 py-0.5 text-left text-xs shadow-sm',
          'text-zinc-900 dark:text-zinc-50',
          movable && 'cursor-grab',
          inactive && 'opacity-60',
          (a.status === 'cancelled' || a.status === 'no_show') && 'line-through',
        )}
        style={{ borderLeftColor: colour, backgroundColor: `${colour}26` }}
      >
        <span className="block truncate font-medium">{title}</span>
        <span className="block truncate text-zinc-600 dark:text-zinc-300">
          {clock(a.startsAt, zone)}–{clock(endsAt, zone)}
          {a.status === 'confirmed' ? ' · confirmed' : ''}
        </span>
      </button>
      {movable && (
        <div
          role="presentation"
          data-testid={`resize-${a.id}`}
          onPointerDown={startResize}
          className="absolute inset-x-1 bottom-0 h-2 cursor-ns-resize rounded-b bg-zinc-400/0 hover:bg-zinc-400/50"
        />
      )}
    </div>
  );
}
