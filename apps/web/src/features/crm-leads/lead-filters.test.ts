import { describe, expect, it } from 'vitest';
import { buildUrl } from '../../lib/http';
import {
  buildListQuery,
  parseListSearch,
  sortDirection,
  toggleSort,
  toListSearch,
} from '../../lib/records/list-query';
import { leadFilters } from './lead-filters';

const specs = leadFilters([{ value: '88888888-8888-4888-8888-000000000001', label: 'Bob' }], true);

describe('list query', () => {
  it('builds the API query string from filters, sort, search and cursor', () => {
    const state = parseListSearch(
      new URLSearchParams(
        'status=new,qualified&ownerId=me&tag=vip&scoreMin=10&valueMax=1500&createdFrom=2026-01-05&sort=-score&q=ada&unknown=x',
      ),
      specs,
    );
    const query = buildListQuery(state, specs, { cursor: 'abc', includeTotal: true });
    const url = new URL(buildUrl('/api/v1/leads', query), 'http://localhost');
    expect(url.searchParams.get('limit')).toBe('25');
    expect(url.searchParams.get('cursor')).toBe('abc');
    expect(url.searchParams.get('sort')).toBe('-score');
    expect(url.searchParams.get('q')).toBe('ada');
    expect(url.searchParams.get('includeTotal')).toBe('true');
    expect(url.searchParams.get('status')).toBe('new,qualified');
    expect(url.searchParams.get('ownerId')).toBe('me');
    expect(url.searchParams.get('tag')).toBe('vip');
    expect(url.searchParams.get('scoreMin')).toBe('10');
    // Amounts are typed in currency units and sent in cents; days become ISO date-times (local midnight).
    expect(url.searchParams.get('valueMax')).toBe('150000');
    expect(url.searchParams.get('createdFrom')).toBe(new Date('2026-01-05T00:00:00').toISOString());
    expect(url.searchParams.has('unknown')).toBe(false);
  });

  it('leaves out the cursor, total and empty filters when not given', () => {
    const query = buildListQuery({ sort: undefined, q: undefined, filters: { status: '' } }, specs);
    expect(buildUrl('/leads', query)).toBe('/leads?limit=25');
  });

  it('round-trips the list state through the URL in a stable order', () => {
    const state = { sort: 'lastName', q: 'x', filters: { tag: 'a', status: 'new' } };
    expect(toListSearch(state).toString()).toBe('sort=lastName&q=x&status=new&tag=a');
    expect(parseListSearch(toListSearch(state), specs)).toEqual(state);
  });

  it('toggles sort ascending → descending and reports aria-sort', () => {
    expect(toggleSort('-createdAt', 'score')).toBe('score');
    expect(toggleSort('score', 'score')).toBe('-score');
    expect(toggleSort('-score', 'score')).toBe('score');
    expect(sortDirection('-score', 'score')).toBe('descending');
    expect(sortDirection('score', 'score')).toBe('ascending');
    expect(sortDirection('score', 'lastName')).toBe('none');
  });
});
