import { companyListQuery } from '@tessera/contracts';
import { type ExportDef, RECORD_EXPORT_COLUMNS } from '../../../platform/records/index.ts';
import { type CompanyRow, companyColumns, companyDef, companyListSpec, toCompany } from './company-record.ts';

/** Companies as CSV: the list's filters and scope, the DTO's fields in this order (owner by name in spreadsheets). */
export const companyExport: ExportDef = {
  entity: 'companies',
  permission: 'companies.export',
  def: companyDef,
  query: companyListQuery,
  spec: (ctx, f) => companyListSpec(ctx, f as Parameters<typeof companyListSpec>[1]),
  select: companyColumns,
  columns: [
    'id',
    'name',
    'domain',
    'industry',
    'email',
    'phone',
    'website',
    'city',
    'country',
    { key: 'ownerId', names: 'member' },
    'tags',
    ...RECORD_EXPORT_COLUMNS,
  ],
  toDtos: async (_tx, ctx, rows) => rows.map((r) => toCompany(ctx, r as CompanyRow)),
};
