import { infiniteQueryOptions, useInfiniteQuery } from '@tanstack/react-query';
import { type AuditLog, type AuditLogQuery, auditLogSchema, LIST_LIMIT_DEFAULT } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

export type AuditLogFilters = Omit<AuditLogQuery, 'limit' | 'cursor'>;

export interface AuditLogPage {
  items: AuditLog[];
  nextCursor: string | null;
}

/** One page of `GET /api/v1/audit-logs` (newest first, keyset pagination with `cursor`). */
export async function listAuditLogs(
  filters: AuditLogFilters,
  cursor: string | undefined,
  signal?: AbortSignal,
): Promise<AuditLogPage> {
  const { data, pagination } = await api.send<unknown[]>('GET', v1('audit-logs'), {
    query: { ...filters, limit: LIST_LIMIT_DEFAULT, cursor },
    signal,
  });
  const items = (Array.isArray(data) ? data : []).map((item) => auditLogSchema.parse(item));
  return { items, nextCursor: pagination?.hasMore ? (pagination.nextCursor ?? null) : null };
}

export function auditLogsQueryOptions(filters: AuditLogFilters) {
  return infiniteQueryOptions({
    queryKey: ['audit-logs', filters],
    queryFn: ({ pageParam, signal }) => listAuditLogs(filters, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** "Load more" list of audit entries for the given filters. */
export function useAuditLogs(filters: AuditLogFilters) {
  return useInfiniteQuery(auditLogsQueryOptions(filters));
}
