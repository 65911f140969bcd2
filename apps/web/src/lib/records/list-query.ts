import type { QueryParams } from '../http';

/** A list's state as it lives in the URL: sort (`-field` = descending), search and filter values. */
export interface ListState {
  sort: string | undefined;
  q: string | undefined;
  /** Filter key → raw URL value (multi-value filters are comma-separated). */
  filters: Readonly<Record<string, string>>;
}

export type FilterKind = 'multi' | 'select' | 'text' | 'number' | 'date';

/** One filter of a list: how it is edited, shown as a chip, and sent to the API. */
export interface FilterSpec {
  key: string;
  label: string;
  kind: FilterKind;
  options?: readonly { value: string; label: string }[];
  /** URL value → API value (e.g. a local date → an ISO date-time, an amount → cents). */
  toParam?: (value: string) => string | undefined;
  /** API value → URL value (the inverse of `toParam`, for saved views). */
  fromParam?: (value: string) => string | undefined;
  /** Chip text for a value (default: `label: value`, option labels for selects). */
  chip?: (value: string) => string;
}

const RESERVED = new Set(['sort', 'q', 'cursor']);

/** Reads the list state from the URL query (unknown keys are ignored). */
export function parseListSearch(search: URLSearchParams, specs: readonly FilterSpec[]): ListState {
  const filters: Record<string, string> = {};
  for (const spec of specs) {
    const value = search.get(spec.key)?.trim();
    if (value && !RESERVED.has(spec.key)) filters[spec.key] = value;
  }
  return { sort: search.get('sort') || undefined, q: search.get('q') || undefined, filters };
}

/** The URL query for a list state (empty values dropped, keys in a stable order). */
export function toListSearch(state: ListState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.sort) search.set('sort', state.sort);
  if (state.q) search.set('q', state.q);
  for (const [key, value] of Object.entries(state.filters).sort(([a], [b]) => a.localeCompare(b))) {
    if (value !== '') search.set(key, value);
  }
  return search;
}

export interface PageOptions {
  limit?: number;
  cursor?: string | undefined;
  includeTotal?: boolean;
}

/** API query parameters of one page: filters through their `toParam`, then sort, search, paging. */
export function buildListQuery(
  state: ListState,
  specs: readonly FilterSpec[],
  { limit = 25, cursor, includeTotal = false }: PageOptions = {},
): QueryParams {
  const query: QueryParams = { limit };
  if (cursor) query.cursor = cursor;
  if (state.sort) query.sort = state.sort;
  if (state.q) query.q = state.q;
  if (includeTotal) query.includeTotal = 'true';
  for (const spec of specs) {
    const raw = state.filters[spec.key];
    if (raw === undefined || raw === '') continue;
    const value = spec.toParam ? spec.toParam(raw) : raw;
    if (value !== undefined && value !== '') query[spec.key] = value;
  }
  return query;
}

/** The list's API query without paging (what a saved view stores and an export sends). */
export function toApiQuery(state: ListState, specs: readonly FilterSpec[]): Record<string, string> {
  const { limit: _limit, ...query } = buildListQuery(state, specs);
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)]));
}

/** A list state from an API query (a saved view's), through each filter's `fromParam`. */
export function fromApiQuery(
  query: Readonly<Record<string, unknown>>,
  specs: readonly FilterSpec[],
): ListState {
  const text = (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  const filters: Record<string, string> = {};
  for (const spec of specs) {
    const raw = text(query[spec.key]);
    const value = raw && spec.fromParam ? spec.fromParam(raw) : raw;
    if (value) filters[spec.key] = value;
  }
  return { sort: text(query.sort) || undefined, q: text(query.q) || undefined, filters };
}

/** Next sort when a column header is clicked: ascending → descending → ascending. */
export function toggleSort(current: string | undefined, field: string): string {
  return current === field ? `-${field}` : field;
}

/** `'ascending' | 'descending' | 'none'` of a column for `aria-sort`. */
export function sortDirection(
  current: string | undefined,
  field: string,
): 'ascending' | 'descending' | 'none' {
  if (current === field) return 'ascending';
  if (current === `-${field}`) return 'descending';
  return 'none';
}

/** Local date (`2026-01-31`) → start of that day as an ISO date-time. */
export const startOfDay = (date: string): string | undefined => toIso(`${date}T00:00:00`);
/** Local date (`2026-01-31`) → end of that day as an ISO date-time. */
export const endOfDay = (date: string): string | undefined => toIso(`${date}T23:59:59.999`);

function toIso(local: string): string | undefined {
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** ISO date-time → the local day (`2026-01-31`), for date inputs. */
export const isoToLocalDate = (value: string): string | undefined => {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
};

/** Cents → whole currency units (`"150000"` → `"1500"`). */
export const centsToAmount = (value: string): string | undefined => {
  const number = Number(value);
  return Number.isFinite(number) ? String(number / 100) : undefined;
};

/** Whole currency units → cents (`"1500"` → `"150000"`). */
export const amountToCents = (value: string): string | undefined => {
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? String(Math.round(number * 100)) : undefined;
};
