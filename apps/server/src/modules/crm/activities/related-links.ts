import { type AnyPgColumn, foreignKey, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../companies/companies.tables.ts';
import { contacts } from '../contacts/contacts.tables.ts';
import { deals } from '../deals/deals.tables.ts';
import { leads } from '../leads/leads.tables.ts';

/** Links of an activity or task to exactly one (activity) / at most one (task) CRM record. */
export const relatedColumns = () => ({
  leadId: uuid('lead_id'),
  contactId: uuid('contact_id'),
  companyId: uuid('company_id'),
  dealId: uuid('deal_id'),
  /** The work module's projects (registered related type 'project'; tenant FK added in SQL, migration 0023). */
  projectId: uuid('project_id'),
});
export type RelatedCols = Record<'tenantId' | 'leadId' | 'contactId' | 'companyId' | 'dealId', AnyPgColumn>;
export const relatedKeys = (prefix: string, t: RelatedCols) => [
  foreignKey({
    name: `${prefix}_lead_fk`,
    columns: [t.tenantId, t.leadId],
    foreignColumns: [leads.tenantId, leads.id],
  }).onDelete('cascade'),
  foreignKey({
    name: `${prefix}_contact_fk`,
    columns: [t.tenantId, t.contactId],
    foreignColumns: [contacts.tenantId, contacts.id],
  }).onDelete('cascade'),
  foreignKey({
    name: `${prefix}_company_fk`,
    columns: [t.tenantId, t.companyId],
    foreignColumns: [companies.tenantId, companies.id],
  }).onDelete('cascade'),
  foreignKey({
    name: `${prefix}_deal_fk`,
    columns: [t.tenantId, t.dealId],
    foreignColumns: [deals.tenantId, deals.id],
  }).onDelete('cascade'),
];
