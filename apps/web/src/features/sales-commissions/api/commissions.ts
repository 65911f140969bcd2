import { useQuery } from '@tanstack/react-query';
import {
  type CommissionRuleDto,
  type commissionRuleCreateInput,
  commissionRuleSchema,
  type commissionRuleUpdateInput,
  commissionStatementSchema,
  productCategorySchema,
} from '@tessera/contracts';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchListPage } from '../../../lib/records/list-page';
import { createRecordHooks } from '../../../lib/records/record-hooks';

/** `/api/v1/commission-rules` through the record kit. */
export const commissionRuleRecords = createRecordHooks<
  CommissionRuleDto,
  z.input<typeof commissionRuleCreateInput>,
  z.input<typeof commissionRuleUpdateInput>
>({ path: 'commission-rules', schema: commissionRuleSchema });

/** Every rule (the settings page shows them all; a tenant has a handful), archived ones too when asked. */
export function useCommissionRules(archived: boolean) {
  return useQuery({
    queryKey: [...commissionRuleRecords.key, 'all', archived],
    queryFn: ({ signal }) =>
      fetchListPage(
        v1('commission-rules'),
        commissionRuleSchema,
        { limit: 100, sort: 'name', archived: archived ? 'only' : 'exclude' },
        signal,
      ),
  });
}

/** The product categories a rule can be limited to (first 100, by name). */
export function useProductCategories(enabled = true) {
  return useQuery({
    queryKey: ['product-categories', 'picker'],
    queryFn: ({ signal }) =>
      fetchListPage(v1('product-categories'), productCategorySchema, { limit: 100, sort: 'name' }, signal),
    enabled,
  });
}

export interface StatementQuery {
  from: string;
  to: string;
  /** Another agent's (needs commissions.manage); omitted: your own. */
  userId?: string;
}

/** `GET /api/v1/commissions/statement`. */
export function useCommissionStatement(query: StatementQuery, enabled: boolean) {
  return useQuery({
    queryKey: ['commissions', 'statement', query],
    queryFn: ({ signal }) =>
      api.get(v1('commissions/statement'), {
        query: { from: query.from, to: query.to, ...(query.userId ? { userId: query.userId } : {}) },
        schema: commissionStatementSchema,
        signal,
      }),
    enabled,
  });
}
