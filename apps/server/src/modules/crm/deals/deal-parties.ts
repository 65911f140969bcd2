import type { LinkedRecordName, Permission } from '@tessera/contracts';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { scopeCondition } from '../../../platform/access/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { companies } from '../companies/companies.tables.ts';
import { contacts } from '../contacts/contacts.tables.ts';
import type { DealRow } from './deal-record.ts';

interface Party {
  table: typeof companies | typeof contacts;
  name: SQL<string>;
  view: Permission;
  resource: 'companies' | 'contacts';
  owner: PgColumn;
}

const COMPANY: Party = {
  table: companies,
  name: sql<string>`${companies.name}`,
  view: 'companies.view',
  resource: 'companies',
  owner: companies.ownerId,
};
const CONTACT: Party = {
  table: contacts,
  name: sql<string>`${contacts.firstName} || ' ' || ${contacts.lastName}`,
  view: 'contacts.view',
  resource: 'contacts',
  owner: contacts.ownerId,
};

/**
 * The names of records deals link to — shown to whoever may see the deal — and whether the viewer may open
 * each (view permission and record scope, as `assertVisibleReferences` decides), so pages name a company
 * they cannot link to instead of requesting it and meeting a 404. One query per kind, whatever the count.
 */
const partiesOf = async (
  tx: Tx,
  ctx: AuthedContext,
  party: Party,
  ids: readonly (string | null)[],
): Promise<Map<string, LinkedRecordName>> => {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  const found = new Map<string, LinkedRecordName>();
  if (wanted.length === 0) return found;
  const { table } = party;
  const scope = ctx.auth.permissions.has(party.view)
    ? (scopeCondition(ctx.auth, party.resource, party.owner) ?? sql`true`)
    : sql`false`;
  const rows = await tx
    .select({ id: table.id, name: party.name, canOpen: sql<boolean>`(${scope})` })
    .from(table)
    .where(and(eq(table.tenantId, ctx.tenantId), inArray(table.id, wanted)));
  for (const row of rows) found.set(row.id, { id: row.id, name: row.name, canOpen: row.canOpen === true });
  return found;
};

/** Each deal's company and contact, named for the viewer (two queries for any number of deals). */
export const dealParties = async (tx: Tx, ctx: AuthedContext, rows: readonly DealRow[]) => {
  const companyNames = await partiesOf(
    tx,
    ctx,
    COMPANY,
    rows.map((r) => r.companyId),
  );
  const contactNames = await partiesOf(
    tx,
    ctx,
    CONTACT,
    rows.map((r) => r.contactId),
  );
  return (deal: DealRow) => ({
    company: (deal.companyId && companyNames.get(deal.companyId)) || null,
    contact: (deal.contactId && contactNames.get(deal.contactId)) || null,
  });
};
