import { uniqueIndex } from 'drizzle-orm/pg-core';
import { recordColumnsFor } from '../../platform/records/index.ts';
import { tenants, users } from '../identity/index.ts';

/** The standard record columns of scheduling tables, referring to identity's tenants and users. */
export const { recordColumns, ownerColumn } = recordColumnsFor({
  tenantId: () => tenants.id,
  userId: () => users.id,
});

/** (tenant_id, id) unique: what composite tenant foreign keys point at. */
export const tenantKey = (name: string, t: { tenantId: unknown; id: unknown }) =>
  uniqueIndex(name).on(t.tenantId as never, t.id as never);
