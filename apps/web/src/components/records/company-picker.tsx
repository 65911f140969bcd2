import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { companySchema, SEARCH_Q_MAX } from '@tessera/contracts';
import { type KeyboardEvent, useEffect, useId, useState } from 'react';
import { useDebouncedValue } from '../../hooks/use-debounced-value';
import { usePermission } from '../../hooks/use-permission';
import { cn } from '../../lib/cn';
import { v1 } from '../../lib/endpoints';
import { fetchListPage } from '../../lib/records/list-page';
import { Input } from '../ui/input';

/** How many companies the picker offers for the typed text (the first by name). */
export const COMPANY_PICKER_HITS = 20;

export interface PickedCompany {
  id: string;
  name: string;
}

/**
 * The companies matching `text` (`GET /companies?q=&sort=name`, 200 ms after typing stops; blank text: the first
 * by name), only with `companies.view`. The key lives under the companies area, so company changes refresh it.
 */
export function useCompanySearch(text: string, enabled = true) {
  const q = text.trim().slice(0, SEARCH_Q_MAX);
  const debounced = useDebouncedValue(q, 200);
  const allowed = usePermission('companies.view');
  const query = useQuery({
    queryKey: ['companies', 'picker', debounced],
    queryFn: ({ signal }) =>
      fetchListPage(
        v1('companies'),
        companySchema,
        { sort: 'name', limit: COMPANY_PICKER_HITS, ...(debounced ? { q: debounced } : {}) },
        signal,
      ),
    enabled: enabled && allowed,
    staleTime: 15_000,
    placeholderData: keepPreviousData,
  });
  return {
    allowed,
    companies: query.data?.items.map((c) => ({ id: c.id, name: c.name })),
    pending: debounced !== q || query.isFetching,
    error: query.error,
    retry: () => void query.refetch(),
  };
}

/**
 * A company field that searches as you type (an ARIA combobox): the matching companies in a list below the
 * input — arrow keys move, Enter picks, Escape closes; picking shows the name, typing again clears the choice.
 * Without `companies.view` it is a disabled field saying so. Every company is reachable, not only a first page.
 */
export function CompanyPicker({
  label,
  value,
  onChange,
  required,
  className,
}: {
  label: string;
  value: PickedCompany | null;
  onChange: (company: PickedCompany | null) => void;
  required?: boolean;
  className?: string;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const [text, setText] = useState(value?.name ?? '');
  // A value set or named from outside (a preset company whose name loads later) shows its name; typing, which
  // clears the value, keeps what was typed.
  const outsideName = value?.name;
  useEffect(() => {
    if (outsideName) setText(outsideName);
  }, [outsideName]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useCompanySearch(value && text === value.name ? '' : text, open);
  const hits = search.companies ?? [];

  const pick = (company: PickedCompany) => {
    onChange(company);
    setText(company.name);
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
        <Input id={id} disabled value="" placeholder="No permission to list companies" readOnly />
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
        placeholder="Type to search companies"
        value={text}
        onChange={(e) => {
          // Typing again drops the choice until a company is picked.
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
              Could not load companies.{' '}
              <button
                type="button"
                className="font-medium underline"
                onMouseDown={(e) => e.preventDefault()}
                onClick={search.retry}
              >
                Try again
              </button>
            </p>
          ) : search.companies === undefined ? (
            <p className="px-3 py-2 text-zinc-500 dark:text-zinc-400">Loading companies…</p>
          ) : hits.length === 0 ? (
            <p className="px-3 py-2 text-zinc-500 dark:text-zinc-400">
              {search.pending ? 'Searching…' : 'No company matches'}
            </p>
          ) : null}
          <div id={listId} role="listbox" aria-label={label}>
            {search.error
              ? null
              : hits.map((company, i) => (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard (aria-activedescendant)
                  <div
                    key={company.id}
                    id={`${listId}-${company.id}`}
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
                    onClick={() => pick(company)}
                  >
                    {company.name}
                  </div>
                ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
