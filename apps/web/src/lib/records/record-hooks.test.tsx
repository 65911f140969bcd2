import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { envelope, jsonResponse, stubApi } from '../../test/fake-fetch';
import { createQueryClient } from '../query-client';
import type { FilterSpec, ListState } from './list-query';
import { createRecordHooks } from './record-hooks';

/** A throw-away entity: the kit knows nothing of it but its path and schema. */
interface Widget {
  id: string;
  name: string;
  version: number;
}
const widgetSchema = {
  parse: (value: unknown): Widget => {
    const widget = value as Widget;
    if (typeof widget?.id !== 'string' || typeof widget.name !== 'string') throw new Error('not a widget');
    return widget;
  },
};
const widgets = createRecordHooks<Widget, { name: string }, { name: string; version: number }>({
  path: 'widgets',
  schema: widgetSchema,
});
const widget: Widget = { id: 'w 1', name: 'Sprocket', version: 3 };
const state: ListState = { sort: '-name', q: 'spr', filters: { color: 'red' } };
const specs: FilterSpec[] = [{ key: 'color', label: 'Color', kind: 'text' }];

function setup() {
  const queryClient = createQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
  );
  // Queries a change may invalidate: the entity's, the timelines, and someone else's.
  for (const key of [['widgets', 'detail', widget.id], ['timeline', 'lead', 'x'], ['gadgets']]) {
    queryClient.setQueryData(key, 'cached');
  }
  const invalidated = (key: readonly unknown[]) => queryClient.getQueryState(key)?.isInvalidated;
  return { queryClient, wrapper, invalidated };
}

describe('createRecordHooks', () => {
  it('keys lists and details under the entity and asks the API for keyset pages', async () => {
    expect(widgets.key).toEqual(['widgets']);
    expect(widgets.detailOptions('a').queryKey).toEqual(['widgets', 'detail', 'a']);
    expect(widgets.listOptions(state, specs).queryKey).toEqual(['widgets', 'list', state]);
    const scoped = widgets.listOptions(state, specs, { key: ['p1'], query: { shelf: 'p1' } });
    expect(scoped.queryKey).toEqual(['widgets', 'list', 'p1', state]);
    const api = stubApi({ 'GET /api/v1/widgets': jsonResponse({ success: true, data: [widget] }) });
    const { queryClient } = setup();
    const data = await queryClient.fetchInfiniteQuery(scoped);
    expect(data.pages[0]?.items).toEqual([widget]);
    expect(Object.fromEntries(api.calls('GET /api/v1/widgets')[0]?.url.searchParams ?? [])).toEqual({
      limit: '25',
      sort: '-name',
      q: 'spr',
      includeTotal: 'true',
      color: 'red',
      shelf: 'p1',
    });
  });

  it('reads one record by its encoded id', async () => {
    const other = { ...widget, id: 'w/2' };
    const api = stubApi({ 'GET /api/v1/widgets/w%2F2': envelope(other) });
    const { wrapper } = setup();
    const { result } = renderHook(() => widgets.useRecord(other.id), { wrapper });
    await waitFor(() => expect(result.current.data).toEqual(other));
    expect(api.requests).toHaveLength(1);
  });

  it('creates, then refreshes the entity but not the timelines', async () => {
    const api = stubApi({ 'POST /api/v1/widgets': envelope(widget, 201) });
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => widgets.useCreate(), { wrapper });
    await act(() => result.current.mutateAsync({ name: 'Sprocket' }));
    expect(api.calls('POST /api/v1/widgets')[0]?.body).toEqual({ name: 'Sprocket' });
    expect(invalidated(['widgets', 'detail', widget.id])).toBe(true);
    expect(invalidated(['timeline', 'lead', 'x'])).toBe(false);
    expect(invalidated(['gadgets'])).toBe(false);
  });

  it('updates with the version (id in the path, not the body), then refreshes the entity and the timelines', async () => {
    const api = stubApi({ 'PATCH /api/v1/widgets/w%201': envelope(widget) });
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => widgets.useUpdate(), { wrapper });
    await act(() => result.current.mutateAsync({ id: widget.id, name: 'Cog', version: 3 }));
    expect(api.calls('PATCH /api/v1/widgets/w%201')[0]?.body).toEqual({ name: 'Cog', version: 3 });
    expect(invalidated(['widgets', 'detail', widget.id])).toBe(true);
    expect(invalidated(['timeline', 'lead', 'x'])).toBe(true);
    expect(invalidated(['gadgets'])).toBe(false);
  });

  it('archives and restores through the record routes', async () => {
    const api = stubApi({
      'POST /api/v1/widgets/w%201/archive': envelope(widget),
      'POST /api/v1/widgets/w%201/restore': envelope(widget),
    });
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => widgets.useArchive(), { wrapper });
    await act(() => result.current.mutateAsync({ id: widget.id, archived: true }));
    await act(() => result.current.mutateAsync({ id: widget.id, archived: false }));
    expect(api.calls('POST /api/v1/widgets/w%201/archive')).toHaveLength(1);
    expect(api.calls('POST /api/v1/widgets/w%201/restore')).toHaveLength(1);
    expect(invalidated(['widgets', 'detail', widget.id])).toBe(true);
    expect(invalidated(['timeline', 'lead', 'x'])).toBe(false);
  });

  it('posts an action with the rest of the input and refuses an answer that is not a record', async () => {
    const api = stubApi({ 'POST /api/v1/widgets/w%201/polish': envelope({ id: 'w 1' }) });
    const { wrapper, invalidated } = setup();
    const { result } = renderHook(() => widgets.useAction<{ shine: number }>('polish'), { wrapper });
    await act(async () => {
      await expect(result.current.mutateAsync({ id: widget.id, shine: 2 })).rejects.toThrow(
        'did not match the expected format',
      );
    });
    expect(api.calls('POST /api/v1/widgets/w%201/polish')[0]?.body).toEqual({ shine: 2 });
    expect(invalidated(['widgets', 'detail', widget.id])).toBe(false);
  });
});
