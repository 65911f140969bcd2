import { foreignKey, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../../crm/index.ts';
import { tenants, users } from '../../identity/index.ts';
import { at } from '../record-columns.ts';

/**
 * Customer portal access (ADR 0035): one member — or the e-mail of a pending invitation, linked to the user
 * once they joined — sees exactly one company of the tenant in the portal. Unique per e-mail and per user.
 */
export const portalAccess = pgTable(
  'portal_access',
  {
    id: uuid('id').primaryKey(),
    tenantId: uuid('tenant_id')
      .notNull()
      .references(() => tenants.id, { onDelete: 'cascade' }),
    /** Lower-cased; how an invitee is recognised when they join. */
    email: text('email').notNull(),
    /** The member, once known (set at grant time when the e-mail already is a member, else on first use). */
    userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
    companyId: uuid('company_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('portal_access_email_key').on(t.tenantId, t.email),
    uniqueIndex('portal_access_user_key').on(t.tenantId, t.userId),
    index('portal_access_company_idx').on(t.tenantId, t.companyId),
    foreignKey({
      name: 'portal_access_company_fk',
      columns: [t.tenantId, t.companyId],
      foreignColumns: [companies.tenantId, companies.id],
    }).onDelete('cascade'),
  ],
);
