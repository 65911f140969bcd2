import { useQuery } from '@tanstack/react-query';
import {
  type Expense,
  type expenseCreateInput,
  expenseSchema,
  type expenseUpdateInput,
} from '@tessera/contracts';
import type { z } from 'zod';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';
import { createRecordHooks } from '../../../lib/records/record-hooks';

/**
 * `/api/v1/expenses` (under the projects key: approved expenses count in a project's budget) with the
 * actions submit, approve `{ version }`, reject `{ version, reason }`.
 */
export const expenseRecords = createRecordHooks<
  Expense,
  z.output<typeof expenseCreateInput>,
  z.output<typeof expenseUpdateInput>
>({ path: 'expenses', key: ['projects', 'expenses'], schema: expenseSchema });

/** Expenses by a filter (a project's, the submitted ones for the approvals queue), all pages. */
export function useExpenses(query: { projectId?: string; status?: Expense['status'] }, enabled = true) {
  return useQuery({
    queryKey: [...expenseRecords.key, 'all', query],
    queryFn: ({ signal }) =>
      fetchAll(v1('expenses'), expenseSchema, { signal, query: { ...query, sort: '-date' } }),
    enabled,
  });
}
