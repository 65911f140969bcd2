import type { duplicateStrategy, IMPORT_ENTITIES, Permission } from '@tessera/contracts';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Tx } from '../../../platform/db/index.ts';
import { existingIds, type RecordDef } from '../../../platform/records/index.ts';

export type ImportEntity = (typeof IMPORT_ENTITIES)[number];
export type DuplicateStrategy = z.infer<typeof duplicateStrategy>;

/**
 * How a CSV cell becomes a field value:
 * text (trimmed), int (whole number), money (`1234.56` → cents; a header ending in "cents" means cents),
 * tags (`a;b` or `a,b`), domain (URL or domain → bare domain), and pseudo fields that are not contract
 * fields: `fullName` (split into first and last name) and a contact's `companyName` (an existing company).
 */
export type FieldKind = 'text' | 'int' | 'money' | 'tags' | 'domain' | 'fullName' | 'companyName';

export interface ImportField {
  kind: FieldKind;
  /** Header spellings recognised automatically, normalised (lower case, letters and digits only). */
  synonyms: readonly string[];
}

/** A key two records are duplicates by (leads: e-mail or phone digits; companies: name or domain). */
export interface DuplicateKey {
  kind: string;
  /** The field reported in messages. */
  field: string;
  /** Column holding the normalised key in the database. */
  column: PgColumn;
  /** Label in messages ("e-mail"). */
  label: string;
  /** The normalised key of a validated row (null: the row has none). */
  of(values: Record<string, unknown>): string | null;
}

/** A valid row of a batch: the contract's values (and a contact's `companyName`, resolved by the entity). */
export interface ImportRow {
  row: number;
  values: Record<string, unknown>;
  companyName?: string;
}

/** Refuses a row: it is reported with this field and message and not written. */
export type RejectRow = (row: ImportRow, field: string, message: string) => void;

export interface ImportEntityDef {
  entity: ImportEntity;
  def: RecordDef;
  permission: Permission;
  /** The create contract every row is validated with. */
  schema: z.ZodType<Record<string, unknown>>;
  fields: Readonly<Record<string, ImportField>>;
  /** Columns the file must have: one of these sets of fields, all mapped. */
  required: readonly (readonly string[])[];
  duplicateKeys: readonly DuplicateKey[];
  /** Contract field → table column, for inserts and updates. */
  columns: Readonly<Record<string, PgColumn>>;
  /** Fills fields the file does not give from the ones it does (before validation). */
  derive?: (input: Record<string, unknown>) => void;
  /** Checks (and resolves) the ids and names the valid rows of a batch refer to; refuses the rows that fail. */
  checkReferences?: (tx: Tx, tenantId: string, rows: ImportRow[], reject: RejectRow) => Promise<void>;
}

/** `https://www.Example.com/about` → `example.com` (the contract then checks the domain). */
export const bareDomain = (text: string) =>
  text
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#:].*$/, '');
export const DOMAIN = /^[a-z0-9.-]+\.[a-z]{2,}$/;

export const text = (...synonyms: string[]): ImportField => ({ kind: 'text', synonyms });
export const lower = (v: unknown) =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : null;
export const digits = (v: unknown) => {
  if (typeof v !== 'string') return null;
  const d = v.replace(/\D/g, '');
  return d === '' ? null : d;
};

export const personFields = {
  firstName: text('first', 'givenname', 'forename', 'fname', 'firstnames'),
  lastName: text('last', 'surname', 'familyname', 'lname'),
  fullName: { kind: 'fullName', synonyms: ['name', 'fullname', 'contactname', 'leadname', 'person'] },
  email: text('emailaddress', 'mail', 'emails', 'workemail', 'primaryemail', 'emailaddr'),
  phone: text(
    'phonenumber',
    'telephone',
    'tel',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'cell',
    'cellphone',
    'workphone',
    'phoneno',
  ),
  tags: { kind: 'tags', synonyms: ['tag', 'labels', 'label'] },
} as const satisfies Record<string, ImportField>;
export const companyWords = ['company', 'organization', 'organisation', 'account', 'accountname', 'employer'];

/** Refuses the rows whose `field` names no record of the tenant's `table`. */
export const rejectMissingIds = async (
  tx: Tx,
  tenantId: string,
  rows: ImportRow[],
  reject: RejectRow,
  check: { field: string; table: PgTable & { id: PgColumn; tenantId: PgColumn }; message: string },
) => {
  const { field } = check;
  const ids = [
    ...new Set(rows.map((r) => r.values[field]).filter((v): v is string => typeof v === 'string')),
  ];
  if (ids.length === 0) return;
  const found = await existingIds(tx, tenantId, check.table, ids);
  for (const r of rows) {
    const id = r.values[field];
    if (typeof id === 'string' && !found.has(id)) reject(r, field, check.message);
  }
};

const IMPORTS = new Map<string, ImportEntityDef>();

/** A module makes an entity importable from CSV by registering it from its index.ts. */
export const registerImportEntity = (def: ImportEntityDef) => {
  IMPORTS.set(def.entity, def);
};

/** The registered import of an entity. */
export const importEntityOf = (entity: string): ImportEntityDef => {
  const def = IMPORTS.get(entity);
  if (!def) throw new Error(`no import registered for ${entity}`);
  return def;
};

/** Every registered import, in registration order. */
export const registeredImportEntities = (): readonly ImportEntityDef[] => [...IMPORTS.values()];
