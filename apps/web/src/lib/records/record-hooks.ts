import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Parser, type QueryParams } from '../api-client';
import { v1 } from '../endpoints';
import { listInfiniteOptions } from './list-page';
import { buildListQuery, type FilterSpec, type ListState } from './list-query';
import { TIMELINE_QUERY_KEY } from './query-keys';

export interface RecordHooksOptions<T> {
  /** API collection below `/api/v1` (`'companies'`). */
  path: string;
  /** Root query key of the entity (default `[path]`): lists, details and related data live under it. */
  key?: readonly string[];
  /** Contract schema of one record (`companySchema`). */
  schema: Parser<T>;
}

/** Narrows a list to a scope: extra query key parts and API parameters (deals of one pipeline). */
export interface ListScope {
  key: readonly unknown[];
  query: QueryParams;
}

/**
 * The one set of fetchers, query options and hooks of a record entity: `GET /<path>` (keyset pages),
 * `GET /<path>/:id`, `POST /<path>`, `PATCH /<path>/:id` (with `version`; a stale one is a 409 CONFLICT),
 * `POST /<path>/:id/archive|restore` and `POST /<path>/:id/<action>`. Query keys: `[...key, 'list', state]`,
 * `[...key, 'detail', id]`. Every change invalidates `key`; update and actions also the timelines.
 *
 * `C` is the create input, `U` the update input (without `id`).
 */
export function createRecordHooks<T, C = never, U = never>({
  path,
  key = [path],
  schema,
}: RecordHooksOptions<T>) {
  const recordPath = (id: string, sub = '') => v1(`${path}/${encodeURIComponent(id)}${sub ? `/${sub}` : ''}`);
  const get = (id: string, signal?: AbortSignal): Promise<T> => api.get(recordPath(id), { schema, signal });
  const detailOptions = (id: string) =>
    queryOptions({ queryKey: [...key, 'detail', id], queryFn: ({ signal }) => get(id, signal) });
  const create = (input: C): Promise<T> => api.post(v1(path), input, { schema });
  const update = ({ id, ...input }: U & { id: string }): Promise<T> =>
    api.patch(recordPath(id), input, { schema });
  const archive = ({ id, archived }: { id: string; archived: boolean }): Promise<T> =>
    api.post(recordPath(id, archived ? 'archive' : 'restore'), {}, { schema });
  const action =
    <I>(name: string) =>
    ({ id, ...input }: I & { id: string }): Promise<T> =>
      api.post(recordPath(id, name), input, { schema });

  /** A mutation that refreshes the entity's queries (and the timelines) when it succeeds. */
  function useChange<I>(mutationFn: (input: I) => Promise<T>, { timeline }: { timeline: boolean }) {
    const queryClient = useQueryClient();
    return useMutation({
      mutationFn,
      // Without the timelines the mutation waits for the entity's queries; with them it does not.
      onSuccess: () => {
        if (!timeline) return queryClient.invalidateQueries({ queryKey: key });
        void queryClient.invalidateQueries({ queryKey: key });
        void queryClient.invalidateQueries({ queryKey: TIMELINE_QUERY_KEY });
      },
    });
  }

  return {
    key,
    /** API collection below `/api/v1`. */
    path,
    /** `/api/v1/<path>/:id[/<sub>]`. */
    recordPath,
    get,
    create,
    update,
    archive,
    detailOptions,
    /** `GET /api/v1/<path>`: keyset pages for the state's filters, sort and search, with the total. */
    listOptions: (state: ListState, specs: readonly FilterSpec[], scope?: ListScope) =>
      listInfiniteOptions([...key, 'list', ...(scope?.key ?? []), state], v1(path), schema, (cursor) => ({
        ...buildListQuery(state, specs, { cursor, includeTotal: true }),
        ...scope?.query,
      })),
    useRecord: (id: string) => useQuery(detailOptions(id)),
    useCreate: () => useChange(create, { timeline: false }),
    useUpdate: () => useChange(update, { timeline: true }),
    useArchive: () => useChange(archive, { timeline: false }),
    /** `POST /api/v1/<path>/:id/<name>` with the rest of the input (status change, assign…). */
    useAction: <I>(name: string) => useChange(action<I>(name), { timeline: true }),
  };
}

/** What `createRecordHooks` returns for an entity. */
export type RecordHooks<T, C = never, U = never> = ReturnType<typeof createRecordHooks<T, C, U>>;
