import { contactCreateInput } from '@tessera/contracts';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../../platform/db/index.ts';
import { companies } from '../companies/companies.tables.ts';
import {
  companyWords,
  type ImportEntityDef,
  type ImportRow,
  lower,
  personFields,
  type RejectRow,
  rejectMissingIds,
  text,
} from '../imports/import-entities.ts';
import { contactDef } from './contact-record.ts';
import { contacts } from './contacts.tables.ts';

const lowerKey = (v: string) => v.trim().toLowerCase();

/** A contact's company may be given by name: the oldest active company of that name, or the row is refused. */
const resolveCompanyNames = async (tx: Tx, tenantId: string, rows: ImportRow[], reject: RejectRow) => {
  const names = [
    ...new Set(
      rows.filter((r) => r.companyName && !r.values.companyId).map((r) => lowerKey(r.companyName as string)),
    ),
  ];
  if (names.length === 0) return;
  const found = await tx
    .select({ id: companies.id, key: companies.nameKey })
    .from(companies)
    .where(
      and(eq(companies.tenantId, tenantId), isNull(companies.archivedAt), inArray(companies.nameKey, names)),
    )
    .orderBy(asc(companies.createdAt), asc(companies.id));
  const byName = new Map<string, string>();
  for (const c of found) if (c.key && !byName.has(c.key)) byName.set(c.key, c.id);
  for (const r of rows) {
    if (!r.companyName || r.values.companyId) continue;
    const id = byName.get(lowerKey(r.companyName));
    if (id) r.values.companyId = id;
    else reject(r, 'companyName', `No company named "${r.companyName}"; import or create the company first`);
  }
};

/** Contacts from CSV, with their company by id or by name; duplicates by e-mail. */
export const contactImport: ImportEntityDef = {
  entity: 'contacts',
  def: contactDef,
  permission: 'contacts.import',
  schema: contactCreateInput as unknown as z.ZodType<Record<string, unknown>>,
  fields: {
    ...personFields,
    title: text('jobtitle', 'position', 'role'),
    companyId: text(),
    companyName: { kind: 'companyName', synonyms: companyWords },
  },
  required: [['firstName', 'lastName'], ['fullName']],
  duplicateKeys: [
    { kind: 'email', field: 'email', label: 'e-mail', column: contacts.email, of: (v) => lower(v.email) },
  ],
  columns: {
    firstName: contacts.firstName,
    lastName: contacts.lastName,
    email: contacts.email,
    phone: contacts.phone,
    title: contacts.title,
    companyId: contacts.companyId,
    tags: contacts.tags,
  },
  checkReferences: async (tx, tenantId, rows, reject) => {
    await rejectMissingIds(tx, tenantId, rows, reject, {
      field: 'companyId',
      table: companies,
      message: 'No such company',
    });
    await resolveCompanyNames(tx, tenantId, rows, reject);
  },
};
