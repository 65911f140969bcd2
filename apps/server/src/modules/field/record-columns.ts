import { timestamp } from 'drizzle-orm/pg-core';
import { recordColumnsFor } from '../../platform/records/index.ts';
import { tenants, users } from '../identity/index.ts';

/** The standard record columns of field tables, referring to identity's tenants and users. */
export const { recordColumns, ownerColumn } = recordColumnsFor({
  tenantId: () => tenants.id,
  userId: () => users.id,
});
export const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
