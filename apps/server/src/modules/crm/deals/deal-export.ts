import { dealListQuery } from '@tessera/contracts';
import { type ExportDef, RECORD_EXPORT_COLUMNS } from '../../../platform/records/index.ts';
import { type DealRow, dealColumns, dealDef, dealListSpec, toDeal } from './deal-record.ts';

/**
 * Deals as CSV: the list's filters, sort and scope. Spreadsheets get the company, contact, pipeline, stage and
 * owner by name and the amount in currency units; `headers=keys` their ids and cents (plus the lead's id).
 */
export const dealExport: ExportDef = {
  entity: 'deals',
  permission: 'deals.export',
  def: dealDef,
  query: dealListQuery,
  spec: (ctx, f, sort) => dealListSpec(ctx, f as Parameters<typeof dealListSpec>[1], sort),
  select: dealColumns,
  columns: [
    'id',
    'title',
    { key: 'companyId', names: 'company' },
    { key: 'contactId', names: 'contact' },
    { key: 'pipelineId', names: 'pipeline' },
    { key: 'stageId', names: 'stage' },
    'status',
    { key: 'amountCents', money: true },
    'currency',
    'expectedCloseDate',
    { key: 'ownerId', names: 'member' },
    'lostReason',
    'closedAt',
    { key: 'leadId', only: 'keys' },
    'tags',
    ...RECORD_EXPORT_COLUMNS,
  ],
  toDtos: async (_tx, ctx, rows) => rows.map((r) => toDeal(ctx, r as DealRow)),
};
