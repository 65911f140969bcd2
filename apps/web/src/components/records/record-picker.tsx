import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SEARCH_Q_MAX } from '@tessera/contracts';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { usePermission } from '../../hooks/use-permission';
import { cn } from '../../lib/cn';
import { Input } from '../ui/input';
import type { PickedRecord, PickerSource } from './record-picker-sources';

export type { PickedRecord, PickerSource } from './record-picker-sources';
export { pickerSources } from './record-picker-sources';

/** How many records the picker offers for the typed text (the first in the source's order). */
export const RECORD_PICKER_HITS = 20;

/**
 * The records of `source` matching `text` (`GET /<area>?q=&sort=`, 200 ms after typing stops; blank text: the
 * first ones), only with the source's view permission. The key lives under the records' area, so their changes
 * refresh it.
 */
export function useRecordSearch(source: PickerSource, text: string, enabled = true) {
  const q = text.trim().slice(0, SEARCH_Q_MAX);
  const debounced = useDebouncedValue(q, 200);
  const allowed = usePermission(source.permission);
  const query = useQuery({
    queryKey: [source.area, 'picker', debounced],
    queryFn: ({ signal }) => source.search(debounced, RECORD_PICKER_HITS, signal),
    enabled: enabled && allowed,
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
  return {
    allowed,
    records: query.data,
    pending: debounced !== q || query.isFetching,
    error: query.error,
    retry: () => void query.refetch(),
  };
}

/**
 * A record field that searches as you type (an ARIA combobox) among the records of `source` (companies,
 * contacts: record-picker-sources.ts): the matches in a list below the input, each with its detail line — arrow
 * keys move, Enter picks, Escape closes; picking shows the name, typing again clears the choice. Without the
 * source's view permission it is a disabled field saying so. Every record is reachable, not only a first page.
 */
export function RecordPicker({
  source,
  label,
  value,
  onChange,
  required,
  className,
}: {
  source: PickerSource;
  label: string;
  value: PickedRecord | null;
  onChange: (record: PickedRecord | null) => void;
  required?: boolean;
  className?: string;
}) {
  const { noun } = source;
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value?.name ?? '');
  // A value set or named from outside (a preset record whose name loads later) shows its name; typing, which
  // clears the value, keeps what was typed.
  const outsideName = value?.name;
  useEffect(() => {
    if (outsideName) setText(outsideName);
  }, [outsideName]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useRecordSearch(source, value && text === value.name ? '' : text, open);
  const hits = search.records ?? [];

  const pick = (record: PickedRecord) => {
    onChange(record);
    setText(record.name);
    setOpen(false);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (hits.length ? (i + step + hits.length) % hits.length : 0));
    } else if (event.key === 'Enter' && open) {
      const hit = hits[active];
      if (hit) {
        event.preventDefault();
        pick(hit);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      setOpen(false);
    }
  };

  if (!search.allowed)
    return (
      <div className={cn('flex flex-col gap-1.5', className)}>
        <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
          {label}
        </label>
        <Input id={id} disabled value="" placeholder={`No permission to list ${noun.many}`} readOnly />
      </div>
    );

  return (
    <div className={cn('relative flex flex-col gap-1.5', className)}>
      <label htmlFor={id} className="text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <Input
        id={id}
        role="combobox"
        aria-expanded={open}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${hits[active].id}` : undefined}
        autoComplete="off"
        required={required}
        maxLength={SEARCH_Q_MAX}
        placeholder={`Type to search ${noun.many}`}
        value={text}
        onChange={(e) => {
          // Typing again drops the choice until a record is picked.
          if (value) onChange(null);
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
      />
      {open ? (
        <div
          className="absolute inset-x-0 top-full z-20 mt-1 max-h-64 overflow-y-auto rounded-md border border-zinc-200 bg-white py-1 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900"
          aria-busy={search.pending}
        >
          {search.error ? (
            <p className="px-3 py-2 text-red-700 dark:text-red-400">
              Could not load {noun.many}.{' '}
              <button
                type="button"
                className="font-medium underline"
                onMouseDown={(e) => e.preventDefault()}
                onClick={search.retry}
              >
                Try again
              </button>
            </p>
          ) : search.records === undefined ? (
            <p className="px-3 py-2 text-zinc-500 dark:text-zinc-400">Loading {noun.many}…</p>
          ) : hits.length === 0 ? (
            <p className="px-3 py-2 text-zinc-500 dark:text-zinc-400">
              {search.pending ? 'Searching…' : `No ${noun.one} matches`}
            </p>
          ) : null}
          <div id={listId} role="listbox" aria-label={label}>
            {search.error
              ? null
              : hits.map((record, i) => (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard (aria-activedescendant)
                  <div
                    key={record.id}
                    id={`${listId}-${record.id}`}
                    role="option"
                    aria-selected={i === active}
                    tabIndex={-1}
                    className={cn(
                      'cursor-pointer px-3 py-2 [overflow-wrap:anywhere]',
                      i === active
                        ? 'bg-indigo-50 text-indigo-900 dark:bg-indigo-500/15 dark:text-indigo-100'
                        : 'text-zinc-900 dark:text-zinc-100',
                    )}
                    // Picking happens before the input's blur closes the list.
                    onMouseDown={(e) => e.preventDefault()}
                    onMouseMove={() => i !== active && setActive(i)}
                    onClick={() => pick(record)}
                  >
                    {record.name}
                    {record.detail ? (
                      <span className="block text-xs text-zinc-500 dark:text-zinc-400">{record.detail}</span>
                    ) : null}
                  </div>
                ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
