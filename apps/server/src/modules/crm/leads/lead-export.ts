import { leadListQuery } from '@tessera/contracts';
import { type ExportDef, RECORD_EXPORT_COLUMNS } from '../../../platform/records/index.ts';
import { type LeadRow, leadColumns, leadDef, leadListSpec, toLead } from './lead-record.ts';

/** Leads as CSV: the list's filters and scope, the DTO's fields in this order. */
export const leadExport: ExportDef = {
  entity: 'leads',
  permission: 'leads.export',
  def: leadDef,
  query: leadListQuery,
  spec: (ctx, f) => leadListSpec(ctx, f as Parameters<typeof leadListSpec>[1]),
  select: leadColumns,
  columns: [
    'id',
    'firstName',
    'lastName',
    'email',
    'phone',
    'companyName',
    'source',
    { key: 'vendorId', names: 'vendor' },
    'status',
    'statusReason',
    { key: 'ownerId', names: 'member' },
    'score',
    { key: 'estimatedValueCents', money: true },
    'currency',
    'tags',
    'convertedAt',
    ...RECORD_EXPORT_COLUMNS,
  ],
  toDtos: async (_tx, ctx, rows) => rows.map((r) => toLead(ctx, r as LeadRow)),
};
