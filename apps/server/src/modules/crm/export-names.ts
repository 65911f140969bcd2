import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import * as kit from '../../platform/records/index.ts';
import { memberNames } from '../identity/index.ts';
import { companies } from './companies/companies.tables.ts';
import { contacts } from './contacts/contacts.tables.ts';
import { pipelineStages, pipelines } from './pipelines/pipelines.tables.ts';
import { leadVendors } from './vendors/vendors.tables.ts';

type Named = PgTable & { id: PgColumn; tenantId: PgColumn };

/** Names of `ids` in one table of the tenant (one query per export page and kind). */
const namesFrom =
  (table: Named, name: SQL<string> | PgColumn): kit.NameLookup =>
  async (tx, tenantId, ids) => {
    const rows = await tx
      .select({ id: table.id, name: sql<string>`${name}` })
      .from(table as PgTable)
      .where(and(eq(table.tenantId, tenantId), inArray(table.id, [...ids])));
    return new Map(rows.map((r) => [r.id as string, r.name]));
  };

/**
 * How a spreadsheet export names the ids CRM records carry: people (`ownerId`), companies, contacts, pipelines,
 * stages and vendors. The name is shown to whoever may export the record that links it (like a deal's parties).
 */
export const registerCrmExportNames = () => {
  kit.registerExportNames('member', memberNames);
  kit.registerExportNames('company', namesFrom(companies, companies.name));
  kit.registerExportNames(
    'contact',
    namesFrom(contacts, sql<string>`${contacts.firstName} || ' ' || ${contacts.lastName}`),
  );
  kit.registerExportNames('pipeline', namesFrom(pipelines, pipelines.name));
  kit.registerExportNames('stage', namesFrom(pipelineStages, pipelineStages.name));
  kit.registerExportNames('vendor', namesFrom(leadVendors, leadVendors.name));
};
