import { companyBulkInput } from '@tessera/contracts';
import * as kit from '../../../platform/records/index.ts';
import { type CompanyRow, companyDef, toCompany } from './company-record.ts';

/** `POST /companies/bulk`: assign, tag, archive, restore, delete (the record kit's shared actions). */
export const companyBulk = kit.ownedRecordBulk<CompanyRow>({
  entity: 'companies',
  def: companyDef,
  input: companyBulkInput,
  permissions: { update: 'companies.update', delete: 'companies.delete' },
  toDto: toCompany,
});
