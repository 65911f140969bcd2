import {
  type Company,
  type CompanyCreateInput,
  companySchema,
  type companyUpdateInput,
} from '@tessera/contracts';
import { createRecordHooks } from '../../../lib/records/record-hooks';

export type CompanyUpdate = ReturnType<typeof companyUpdateInput.parse>;

/** `/api/v1/companies`: list, get, create, update (`companyRecords.useRecord(id)`, `companyRecords.useUpdate()`…). */
export const companyRecords = createRecordHooks<Company, CompanyCreateInput, CompanyUpdate>({
  key: ['companies'],
  path: 'companies',
  schema: companySchema,
});
