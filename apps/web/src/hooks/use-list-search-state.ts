import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type FilterSpec, type ListState, parseListSearch, toListSearch } from '../lib/records/list-query';

/**
 * A list's sort, search and filters kept in the URL query string (shareable, back/forward work). Changing
 * them replaces the history entry, so typing in the search box does not pile up entries.
 */
export function useListSearchState(specs: readonly FilterSpec[], defaultSort?: string) {
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => {
    const parsed = parseListSearch(search, specs);
    return { ...parsed, sort: parsed.sort ?? defaultSort };
  }, [search, specs, defaultSort]);

  const update = useCallback(
    (change: (current: ListState) => ListState) =>
      setSearch(
        (current) => {
          const parsed = parseListSearch(current, specs);
          const next = change({ ...parsed, sort: parsed.sort ?? defaultSort });
          // Keys that are not the list's (e.g. the deals page's `view`) stay as they are.
          const kept = new URLSearchParams(current);
          for (const key of ['sort', 'q', ...specs.map((spec) => spec.key)]) kept.delete(key);
          const list = toListSearch({ ...next, sort: next.sort === defaultSort ? undefined : next.sort });
          for (const [key, value] of list) kept.set(key, value);
          return kept;
        },
        { replace: true },
      ),
    [setSearch, specs, defaultSort],
  );

  return {
    state,
    setState: (next: ListState) => update(() => next),
    setSort: (sort: string) => update((current) => ({ ...current, sort })),
    setQ: (q: string) => update((current) => ({ ...current, q: q.trim() || undefined })),
    setFilter: (key: string, value: string | undefined) =>
      update((current) => {
        const filters = { ...current.filters };
        if (value === undefined || value === '') delete filters[key];
        else filters[key] = value;
        return { ...current, filters };
      }),
    clearFilters: () => update((current) => ({ ...current, filters: {}, q: undefined })),
  };
}
