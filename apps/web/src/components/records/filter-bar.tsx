import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import type { FilterSpec, ListState } from '../../lib/records/list-query';
import { Button } from '../ui/button';
import { CloseIcon } from '../ui/icons';
import { Input } from '../ui/input';
import { Popover } from '../ui/popover';
import { chipText, FilterField } from './filter-fields';

export interface FilterBarProps {
  /** Accessible name of the search box ("Search leads"); `''` for a list the API does not search. */
  searchLabel: string;
  specs: readonly FilterSpec[];
  state: ListState;
  onSearch: (q: string) => void;
  onFiltersChange: (filters: Record<string, string>) => void;
  /** Extra controls at the right end (saved views, columns, export). */
  children?: ReactNode;
}

/** Debounced search box, a "Filters" panel (applied together) and a removable chip per active filter. */
export function FilterBar({
  searchLabel,
  specs,
  state,
  onSearch,
  onFiltersChange,
  children,
}: FilterBarProps) {
  const [text, setText] = useState(state.q ?? '');
  const debounced = useDebouncedValue(text, 300);
  const sent = useRef(state.q ?? '');

  useEffect(() => {
    // The URL changed from elsewhere (saved view, back button): show its search text.
    if ((state.q ?? '') !== sent.current) {
      sent.current = state.q ?? '';
      setText(sent.current);
    }
  }, [state.q]);
  useEffect(() => {
    if (debounced.trim() === sent.current) return;
    sent.current = debounced.trim();
    onSearch(debounced);
  }, [debounced, onSearch]);

  const active = specs.filter((spec) => state.filters[spec.key]);
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-2">
        {searchLabel ? (
          <div className="w-72 max-w-full">
            <Input
              type="search"
              aria-label={searchLabel}
              placeholder={`${searchLabel}…`}
              value={text}
              onChange={(event) => setText(event.target.value)}
              className="h-8"
            />
          </div>
        ) : null}
        <Popover trigger={`Filters${active.length ? ` (${active.length})` : ''}`} panelClassName="w-80">
          {(close) => (
            <FilterPanel
              specs={specs}
              filters={state.filters}
              onApply={(filters) => {
                onFiltersChange(filters);
                close();
              }}
            />
          )}
        </Popover>
        <div className="ml-auto flex flex-wrap items-center gap-2">{children}</div>
      </div>
      {active.length > 0 ? (
        <ul className="flex flex-wrap items-center gap-2" aria-label="Active filters">
          {active.map((spec) => (
            <li
              key={spec.key}
              className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-2.5 text-xs font-medium text-indigo-800 dark:bg-indigo-500/15 dark:text-indigo-200"
            >
              {chipText(spec, state.filters[spec.key] ?? '')}
              <button
                type="button"
                aria-label={`Remove filter ${spec.label}`}
                className="rounded-full p-0.5 hover:bg-indigo-100 dark:hover:bg-indigo-500/25"
                onClick={() => {
                  const { [spec.key]: _removed, ...rest } = state.filters;
                  onFiltersChange(rest);
                }}
              >
                <CloseIcon className="size-3" />
              </button>
            </li>
          ))}
          <li>
            <Button variant="ghost" size="sm" onClick={() => onFiltersChange({})}>
              Clear filters
            </Button>
          </li>
        </ul>
      ) : null}
    </div>
  );
}

function FilterPanel({
  specs,
  filters,
  onApply,
}: {
  specs: readonly FilterSpec[];
  filters: Readonly<Record<string, string>>;
  onApply: (filters: Record<string, string>) => void;
}) {
  const [draft, setDraft] = useState<Record<string, string>>({ ...filters });
  return (
    <form
      className="max-h-[70vh] space-y-3 overflow-y-auto"
      onSubmit={(event) => {
        event.preventDefault();
        onApply(Object.fromEntries(Object.entries(draft).filter(([, value]) => value.trim() !== '')));
      }}
    >
      <div className="grid grid-cols-2 gap-3">
        {specs.map((spec) => (
          <div key={spec.key} className={spec.kind === 'multi' || spec.kind === 'text' ? 'col-span-2' : ''}>
            <FilterField
              spec={spec}
              value={draft[spec.key] ?? ''}
              onChange={(value) => setDraft((current) => ({ ...current, [spec.key]: value }))}
            />
          </div>
        ))}
      </div>
      <div className="flex justify-end gap-2">
        <Button variant="ghost" size="sm" onClick={() => setDraft({})}>
          Reset
        </Button>
        <Button type="submit" size="sm">
          Apply filters
        </Button>
      </div>
    </form>
  );
}
