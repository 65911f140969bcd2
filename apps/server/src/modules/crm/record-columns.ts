import { recordColumnsFor } from '../../platform/records/index.ts';
import { tenants, users } from '../identity/index.ts';

export { searchText } from '../../platform/records/index.ts';

/** The standard record columns of CRM tables, referring to identity's tenants and users. */
export const { recordColumns, ownerColumn } = recordColumnsFor({
  tenantId: () => tenants.id,
  userId: () => users.id,
});
