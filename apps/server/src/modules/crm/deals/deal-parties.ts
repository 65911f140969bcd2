import type { LinkedRecordName, Permission } from '@tessera/contracts';
import { and, eq, type SQL, sql } from 'drizzle-orm';
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
 * The name of a record the deal links to — shown to whoever may see the deal — and whether the viewer may
 * open it (view permission and record scope, as `assertVisibleReferences` decides), so the page names a
 * company it cannot link to instead of requesting it and meeting a 404.
 */
const partyOf = async (
  tx: Tx,
  ctx: AuthedContext,
  party: Party,
  id: string | null,
): Promise<LinkedRecordName | null> => {
  if (!id) return null;
  const { table } = party;
  const scope = ctx.auth.permissions.has(party.view)
    ? (scopeCondition(ctx.auth, party.resource, party.owner) ?? sql`true`)
    : sql`false`;
  const [row] = await tx
    .select({ name: party.name, canOpen: sql<boolean>`(${scope})` })
    .from(table)
    .where(and(eq(table.tenantId, ctx.tenantId), eq(table.id, id)));
  return row ? { id, name: row.name, canOpen: row.canOpen === true } : null;
};

/** The deal's company and contact, named for the viewer. */
export const dealParties = async (tx: Tx, ctx: AuthedContext, deal: DealRow) => ({
  company: await partyOf(tx, ctx, COMPANY, deal.companyId),
  contact: await partyOf(tx, ctx, CONTACT, deal.contactId),
});
