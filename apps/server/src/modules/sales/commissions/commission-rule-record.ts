import type { CommissionRuleDto } from '@tessera/contracts';
import { type AnyColumn, sql } from 'drizzle-orm';
import { baseDto, type ListSpec, type RecordDef } from '../../../platform/records/index.ts';
import { commissionRules } from './commissions.tables.ts';

export type CommissionRuleRow = typeof commissionRules.$inferSelect;

// Tenant configuration like the catalog: no owner, no record scope (the `scope` below is never applied).
export const commissionRuleDef: RecordDef = {
  name: 'commission_rule',
  label: 'Commission rule',
  table: commissionRules,
  scope: 'invoices',
  auditFields: ['name', 'userId', 'roleId', 'categoryId', 'rateBp', 'tiers', 'active', 'archivedAt'],
};

export const toCommissionRule = (r: CommissionRuleRow): CommissionRuleDto => ({
  ...baseDto(r),
  name: r.name,
  userId: r.userId,
  roleId: r.roleId,
  categoryId: r.categoryId,
  rateBp: r.rateBp,
  tiers: r.tiers,
  active: r.active,
});

const lowerName = sql`lower(${commissionRules.name})`;

export const commissionRuleListSpec = (): ListSpec => ({
  table: commissionRules,
  id: commissionRules.id,
  tenantId: commissionRules.tenantId,
  archivedAt: commissionRules.archivedAt,
  searchText: lowerName as unknown as AnyColumn,
  where: [],
  sorts: {
    name: { expr: lowerName, type: 'text' },
    createdAt: { expr: commissionRules.createdAt, type: 'timestamp' },
  },
});
