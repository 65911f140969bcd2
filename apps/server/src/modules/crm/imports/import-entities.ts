import {
  companyCreateInput,
  contactCreateInput,
  type duplicateStrategy,
  type IMPORT_ENTITIES,
  leadCreateInput,
  type Permission,
} from '@tessera/contracts';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { RecordDef } from '../../../platform/records/record-ops.ts';
import { companyDef } from '../companies/company-record.ts';
import { contactDef } from '../contacts/contact-record.ts';
import { leadDef } from '../leads/lead-record.ts';
import { companies, contacts, leads } from '../tables.ts';

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
}

/** `https://www.Example.com/about` → `example.com` (the contract then checks the domain). */
export const bareDomain = (text: string) =>
  text
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#:].*$/, '');
const DOMAIN = /^[a-z0-9.-]+\.[a-z]{2,}$/;

const text = (...synonyms: string[]): ImportField => ({ kind: 'text', synonyms });
const lower = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim().toLowerCase() : null);
const digits = (v: unknown) => {
  if (typeof v !== 'string') return null;
  const d = v.replace(/\D/g, '');
  return d === '' ? null : d;
};

const personFields = {
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
const companyWords = ['company', 'organization', 'organisation', 'account', 'accountname', 'employer'];

const leadImport: ImportEntityDef = {
  entity: 'leads',
  def: leadDef,
  permission: 'leads.import',
  schema: leadCreateInput as unknown as z.ZodType<Record<string, unknown>>,
  fields: {
    ...personFields,
    companyName: text(...companyWords, 'business', 'organizationname'),
    source: text('leadsource', 'origin', 'channel'),
    vendorId: text('leadvendorid'),
    score: { kind: 'int', synonyms: ['leadscore', 'rating'] },
    estimatedValueCents: {
      kind: 'money',
      synonyms: ['estimatedvalue', 'value', 'dealvalue', 'amount', 'potentialvalue', 'budget'],
    },
    currency: text('currencycode'),
  },
  required: [['firstName', 'lastName'], ['fullName']],
  duplicateKeys: [
    { kind: 'email', field: 'email', label: 'e-mail', column: leads.email, of: (v) => lower(v.email) },
    {
      kind: 'phone',
      field: 'phone',
      label: 'phone number',
      column: leads.phoneDigits,
      of: (v) => digits(v.phone),
    },
  ],
  columns: {
    firstName: leads.firstName,
    lastName: leads.lastName,
    email: leads.email,
    phone: leads.phone,
    companyName: leads.companyName,
    source: leads.source,
    vendorId: leads.vendorId,
    score: leads.score,
    estimatedValueCents: leads.estimatedValueCents,
    currency: leads.currency,
    tags: leads.tags,
  },
};

const contactImport: ImportEntityDef = {
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
};

const companyImport: ImportEntityDef = {
  entity: 'companies',
  def: companyDef,
  permission: 'companies.import',
  schema: companyCreateInput as unknown as z.ZodType<Record<string, unknown>>,
  fields: {
    name: text('companyname', ...companyWords, 'business', 'businessname', 'organizationname'),
    domain: { kind: 'domain', synonyms: ['domainname', 'emaildomain'] },
    industry: text('sector', 'vertical'),
    email: personFields.email,
    phone: personFields.phone,
    website: text('url', 'web', 'site', 'homepage', 'websiteurl', 'webaddress'),
    city: text('town', 'locality'),
    country: text('countrycode', 'nation'),
    tags: personFields.tags,
  },
  required: [['name']],
  duplicateKeys: [
    { kind: 'name', field: 'name', label: 'name', column: companies.nameKey, of: (v) => lower(v.name) },
    {
      kind: 'domain',
      field: 'domain',
      label: 'domain',
      column: companies.domain,
      of: (v) => lower(v.domain),
    },
  ],
  columns: {
    name: companies.name,
    domain: companies.domain,
    industry: companies.industry,
    email: companies.email,
    phone: companies.phone,
    website: companies.website,
    city: companies.city,
    country: companies.country,
    tags: companies.tags,
  },
  // No domain column: the website's domain (when it is one) keeps duplicate detection by domain working.
  derive: (input) => {
    if (input.domain !== undefined || typeof input.website !== 'string') return;
    const domain = bareDomain(input.website);
    if (DOMAIN.test(domain)) input.domain = domain;
  },
};

export const importEntities: Readonly<Record<ImportEntity, ImportEntityDef>> = {
  leads: leadImport,
  contacts: contactImport,
  companies: companyImport,
};

/** The import permissions: holding any of them lets a member follow imports. */
export const importPermissions = Object.values(importEntities).map((e) => e.permission);
