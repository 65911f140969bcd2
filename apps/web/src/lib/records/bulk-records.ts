import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type BulkResult, bulkResult, type LeadBulkInput, type RecordBulkInput } from '@tessera/contracts';
import { api } from '../api-client';
import { v1 } from '../endpoints';

export type AnyBulkInput = RecordBulkInput | LeadBulkInput;

/** `POST /api/v1/<path>/bulk`: one action on up to 500 records; a result per id (partial success). */
export function bulkRecords(path: string, input: AnyBulkInput): Promise<BulkResult> {
  return api.post(v1(`${path}/bulk`), input, { schema: bulkResult });
}

/** The bulk mutation of one entity; its lists and records (`key`, default `[path]`) reload after it. */
export function useBulkRecords(path: string, key: readonly unknown[] = [path]) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AnyBulkInput) => bulkRecords(path, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
