import { type KeyboardEvent, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Dialog } from '../../components/ui/dialog';
import { SearchIcon } from '../../components/ui/icons';
import { Spinner } from '../../components/ui/spinner';
import { usePermissions } from '../../hooks/use-permission';
import { cn } from '../../lib/cn';
import { useFeaturesOff } from '../../lib/feature-flags';
import { matchCommands, type PaletteItem, paletteCommands, recordItems, visiblePages } from './palette-items';
import { usePaletteStore } from './palette-store';
import { useRecordSearch } from './use-record-search';

/** Ctrl+K (Cmd+K on a Mac) opens and closes the palette from anywhere in the app. */
export function usePaletteShortcut() {
  const toggle = usePaletteStore((s) => s.toggle);
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        toggle();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [toggle]);
}

/** The command palette: search records of every kind, open pages, start "New …" — all from the keyboard. */
export function CommandPalette() {
  usePaletteShortcut();
  const open = usePaletteStore((s) => s.open);
  const setOpen = usePaletteStore((s) => s.setOpen);
  return (
    <Dialog open={open} onClose={() => setOpen(false)} title="Search and commands" size="lg">
      {open ? <PalettePanel onClose={() => setOpen(false)} /> : null}
    </Dialog>
  );
}

/** Consecutive items of the same heading, with each item's index in the flat list. */
function grouped(items: readonly PaletteItem[]) {
  const groups: { heading: string; entries: { item: PaletteItem; index: number }[] }[] = [];
  items.forEach((item, index) => {
    const last = groups.at(-1);
    if (last && last.heading === item.group) last.entries.push({ item, index });
    else groups.push({ heading: item.group, entries: [{ item, index }] });
  });
  return groups;
}

function PalettePanel({ onClose }: { onClose: () => void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const held = usePermissions();
  const off = useFeaturesOff();
  const navigate = useNavigate();
  const listId = useId();
  const list = useRef<HTMLDivElement>(null);
  const commands = useMemo(() => paletteCommands(held, off), [held, off]);
  const pages = useMemo(() => visiblePages(held, off), [held, off]);
  const search = useRecordSearch(text);
  const items = useMemo(
    () => [...recordItems(search.data, pages), ...matchCommands(commands, text)],
    [search.data, pages, commands, text],
  );
  const current = Math.min(active, Math.max(items.length - 1, 0));
  const optionId = (index: number) => `${listId}-option-${index}`;

  // A new list starts at its first row.
  const [shown, setShown] = useState(items);
  if (shown !== items) {
    setShown(items);
    setActive(0);
  }
  useEffect(() => {
    list.current?.querySelector(`[id="${optionId(current)}"]`)?.scrollIntoView?.({ block: 'nearest' });
  });

  const choose = (item: PaletteItem | undefined) => {
    if (!item) return;
    onClose();
    void navigate(item.path);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = items.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (last < 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current + step + items.length) % items.length);
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActive(0);
    } else if (event.key === 'End' && event.ctrlKey) {
      setActive(Math.max(last, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(items[current]);
    }
  };

  const status = search.error
    ? 'Search failed. Commands still work; try the search again in a moment.'
    : search.pending
      ? 'Searching…'
      : items.length === 0
        ? `Nothing matches “${text.trim()}”.`
        : `${items.length} ${items.length === 1 ? 'result' : 'results'}`;

  return (
    <div className="-mx-5 -my-4">
      <div className="flex items-center gap-2 border-b border-zinc-200 px-4 dark:border-zinc-800">
        <SearchIcon className="size-4 shrink-0 text-zinc-500" />
        <input
          // biome-ignore lint/a11y/noAutofocus: the palette exists to be typed into
          autoFocus
          type="text"
          role="combobox"
          aria-label="Search records and commands"
          aria-expanded={items.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={items.length > 0 ? optionId(current) : undefined}
          placeholder="Search leads, deals, companies… or type a command"
          value={text}
          maxLength={200}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={onKeyDown}
          className="h-12 min-w-0 flex-1 bg-transparent text-base text-zinc-900 placeholder:text-zinc-400 focus:outline-none sm:text-sm dark:text-zinc-50"
        />
        {search.pending ? <Spinner className="text-zinc-400" /> : null}
      </div>
      <div
        ref={list}
        id={listId}
        role="listbox"
        aria-label="Results"
        className="max-h-[min(60vh,28rem)] overflow-y-auto py-2"
      >
        {grouped(items).map((group) => (
          // biome-ignore lint/a11y/useSemanticElements: an ARIA group of options inside a listbox (a fieldset is not allowed there)
          <div key={`${group.heading}-${group.entries[0]?.index}`} role="group" aria-label={group.heading}>
            <div
              aria-hidden="true"
              className="px-4 pt-2 pb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400"
            >
              {group.heading}
            </div>
            {group.entries.map(({ item, index }) => (
              // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard (aria-activedescendant)
              <div
                key={item.id}
                id={optionId(index)}
                role="option"
                aria-selected={index === current}
                tabIndex={-1}
                onMouseMove={() => index !== current && setActive(index)}
                onClick={() => choose(item)}
                className={cn(
                  'mx-2 flex cursor-pointer items-baseline gap-3 rounded-md px-3 py-2 text-sm',
                  index === current
                    ? 'bg-indigo-50 text-indigo-900 dark:bg-indigo-500/15 dark:text-indigo-100'
                    : 'text-zinc-800 dark:text-zinc-200',
                )}
              >
                <span className="min-w-0 truncate font-medium">{item.label}</span>
                {item.detail ? (
                  <span className="min-w-0 flex-1 truncate text-xs text-zinc-500 dark:text-zinc-400">
                    {item.detail}
                  </span>
                ) : null}
              </div>
            ))}
          </div>
        ))}
      </div>
      <div className="flex items-center justify-between gap-3 border-t border-zinc-200 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <span
          role="status"
          aria-live="polite"
          className={cn(search.error && 'text-red-600 dark:text-red-400')}
        >
          {status}
        </span>
        <span className="hidden sm:inline">↑↓ to move · Enter to open · Esc to close</span>
      </div>
    </div>
  );
}

/** The header's search button (opens the palette; shows the shortcut on wide screens). */
export function PaletteButton() {
  const setOpen = usePaletteStore((s) => s.setOpen);
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
  return (
    <button
      type="button"
      onClick={() => setOpen(true)}
      aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
      className="flex h-8 items-center gap-2 rounded-md border border-zinc-200 px-2 text-sm text-zinc-500 hover:bg-zinc-100 hover:text-zinc-800 focus-visible:outline-2 focus-visible:outline-indigo-500 sm:w-56 sm:px-3 dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800"
    >
      <SearchIcon className="size-4" />
      <span className="sr-only sm:not-sr-only sm:flex-1 sm:text-left">Search</span>
      <kbd className="hidden rounded border border-zinc-300 px-1 font-sans text-[11px] sm:inline dark:border-zinc-600">
        {mac ? '⌘K' : 'Ctrl K'}
      </kbd>
    </button>
  );
}
