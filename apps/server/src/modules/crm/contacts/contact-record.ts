import type { Contact, contactListQuery } from '@tessera/contracts';
import { and, arrayContains, eq, getTableColumns, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { baseDto, type ListSpec, type RecordDef, scopeWhere } from '../../../platform/records/index.ts';
import { companies } from '../companies/companies.tables.ts';
import { contacts } from './contacts.tables.ts';

export type ContactRow = typeof contacts.$inferSelect;

/** What the shared record operations need to know about contact records. */
export const contactDef: RecordDef = {
  name: 'contact',
  label: 'Contact',
  table: contacts,
  scope: 'contacts',
  owner: contacts.ownerId,
  auditFields: [
    'firstName',
    'lastName',
    'email',
    'phone',
    'title',
    'companyId',
    'ownerId',
    'tags',
    'archivedAt',
  ],
};

/** The API shape of a contact row. */
export const toContact = (
  _ctx: AuthedContext,
  r: ContactRow,
  companyName: string | null = null,
): Contact => ({
  ...baseDto(r),
  firstName: r.firstName,
  lastName: r.lastName,
  email: r.email,
  phone: r.phone,
  title: r.title,
  companyId: r.companyId,
  companyName,
  ownerId: r.ownerId,
  tags: r.tags,
});

/** Columns returned by lists (the generated search text stays in the database). */
export const { searchText: _s, ...contactColumns } = getTableColumns(contacts);

/** The names of the companies of `rows`, in one query (a page of contacts, or one contact). */
export const companyNames = async (
  tx: Tx,
  tenantId: string,
  rows: readonly { companyId: string | null }[],
) => {
  const ids = [...new Set(rows.map((r) => r.companyId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map<string, string>();
  const found = await tx
    .select({ id: companies.id, name: companies.name })
    .from(companies)
    .where(and(eq(companies.tenantId, tenantId), inArray(companies.id, ids)));
  return new Map(found.map((c) => [c.id, c.name]));
};

/** Contacts as DTOs with their company's name joined in. */
export const toContacts = async (tx: Tx, ctx: AuthedContext, rows: readonly ContactRow[]) => {
  const names = await companyNames(tx, ctx.tenantId, rows);
  return rows.map((r) => toContact(ctx, r, r.companyId ? (names.get(r.companyId) ?? null) : null));
};

type ContactFilters = Omit<
  z.output<typeof contactListQuery>,
  'limit' | 'cursor' | 'sort' | 'includeTotal' | 'archived' | 'q'
>;

/** The contacts list: sorts backed by (tenant_id, <field>, id) indexes, filters and record scope. */
export const contactListSpec = (ctx: AuthedContext, f: ContactFilters): ListSpec => ({
  table: contacts,
  id: contacts.id,
  tenantId: contacts.tenantId,
  archivedAt: contacts.archivedAt,
  searchText: contacts.searchText,
  where: [
    scopeWhere(ctx, contactDef),
    f.ownerId ? eq(contacts.ownerId, f.ownerId) : undefined,
    f.companyId ? eq(contacts.companyId, f.companyId) : undefined,
    f.tag?.length ? arrayContains(contacts.tags, f.tag) : undefined,
    f.createdFrom ? gte(contacts.createdAt, new Date(f.createdFrom)) : undefined,
    f.createdTo ? lte(contacts.createdAt, new Date(f.createdTo)) : undefined,
  ],
  sorts: {
    lastName: { expr: contacts.lastName, type: 'text' },
    createdAt: { expr: contacts.createdAt, type: 'timestamp' },
    updatedAt: { expr: contacts.updatedAt, type: 'timestamp' },
  },
});
