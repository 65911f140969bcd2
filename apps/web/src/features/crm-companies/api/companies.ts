import {
  type Company,
  type CompanyCreateInput,
  companySchema,
  type companyUpdateInput,
} from '@tessera/contracts';
import { createRecordHooks } from '../../../lib/records/record-hooks';

export type CompanyUpdate = ReturnType<typeof companyUpdateInput.parse>;

/** `/api/v1/companies` through the record kit: `companyRecords.useRecord(id)`, `.useUpdate()`… */
export const companyRecords = createRecordHooks<Company, CompanyCreateInput, CompanyUpdate>({
  path: 'companies',
  schema: companySchema,
});
