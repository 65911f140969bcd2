import { type Lead, type LeadCreateInput, type LeadUpdateInput, leadSchema } from '@tessera/contracts';
import { createRecordHooks } from '../../../lib/records/record-hooks';

/**
 * `/api/v1/leads`: list, get, create, update, archive / restore and the lead's actions
 * (`leadRecords.useRecord(id)`, `leadRecords.useArchive()`…).
 */
export const leadRecords = createRecordHooks<Lead, LeadCreateInput, LeadUpdateInput>({
  path: 'leads',
  schema: leadSchema,
});
