import { fieldLabel, type IMPORT_ENTITIES } from '@tessera/contracts';

export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

/** A record field a CSV column can fill: its contract name, label and other usual header spellings. */
export interface ImportField {
  field: string;
  label: string;
  aliases?: readonly string[];
}

// Field names and synonyms as the server's import knows them (apps/server …/imports/import-entities.ts).
const email: ImportField = {
  field: 'email',
  label: 'Email',
  aliases: ['emailaddress', 'mail', 'emails', 'workemail', 'primaryemail', 'emailaddr'],
};
const phone: ImportField = {
  field: 'phone',
  label: 'Phone',
  aliases: [
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
  ],
};
const tags: ImportField = { field: 'tags', label: 'Tags', aliases: ['tag', 'labels', 'label'] };
const person: readonly ImportField[] = [
  {
    field: 'firstName',
    label: 'First name',
    aliases: ['first', 'givenname', 'forename', 'fname', 'firstnames'],
  },
  { field: 'lastName', label: 'Last name', aliases: ['last', 'surname', 'familyname', 'lname'] },
  {
    field: 'fullName',
    label: 'Full name (split in two)',
    aliases: ['name', 'fullname', 'contactname', 'leadname', 'person'],
  },
  email,
  phone,
];
const companyWords = ['company', 'organization', 'organisation', 'account', 'accountname', 'employer'];

/** Fields each import can fill (the server's import uses the same names). */
export const IMPORT_FIELDS: Record<ImportEntity, readonly ImportField[]> = {
  leads: [
    ...person,
    { field: 'companyName', label: 'Company', aliases: [...companyWords, 'business', 'organizationname'] },
    { field: 'source', label: 'Source', aliases: ['leadsource', 'origin', 'channel'] },
    { field: 'score', label: 'Score', aliases: ['leadscore', 'rating'] },
    {
      field: 'estimatedValueCents',
      label: 'Estimated value',
      aliases: ['estimatedvalue', 'value', 'dealvalue', 'amount', 'potentialvalue', 'budget'],
    },
    { field: 'currency', label: 'Currency', aliases: ['currencycode'] },
    tags,
  ],
  contacts: [
    ...person,
    { field: 'title', label: 'Job title', aliases: ['jobtitle', 'position', 'role'] },
    { field: 'companyName', label: 'Company (existing)', aliases: companyWords },
    tags,
  ],
  companies: [
    {
      field: 'name',
      label: 'Name',
      aliases: ['companyname', ...companyWords, 'business', 'businessname', 'organizationname'],
    },
    { field: 'domain', label: 'Domain', aliases: ['domainname', 'emaildomain'] },
    { field: 'industry', label: 'Industry', aliases: ['sector', 'vertical'] },
    email,
    phone,
    {
      field: 'website',
      label: 'Website',
      aliases: ['url', 'web', 'site', 'homepage', 'websiteurl', 'webaddress'],
    },
    { field: 'city', label: 'City', aliases: ['town', 'locality'] },
    { field: 'country', label: 'Country', aliases: ['countrycode', 'nation'] },
    tags,
  ],
  products: [
    {
      field: 'sku',
      label: 'SKU',
      aliases: ['itemnumber', 'articlenumber', 'code', 'productcode', 'partnumber'],
    },
    { field: 'name', label: 'Name', aliases: ['productname', 'title', 'item', 'product'] },
    { field: 'description', label: 'Description', aliases: ['details', 'longdescription'] },
    { field: 'kind', label: 'Kind (product / service)', aliases: ['type', 'producttype'] },
    { field: 'unit', label: 'Unit', aliases: ['uom', 'unitofmeasure'] },
    {
      field: 'unitPriceCents',
      label: 'Unit price',
      aliases: ['unitprice', 'price', 'netprice', 'listprice'],
    },
    { field: 'currency', label: 'Currency', aliases: ['currencycode'] },
    { field: 'taxRateId', label: 'Tax rate id', aliases: ['taxrate'] },
    { field: 'categoryId', label: 'Category id', aliases: ['category'] },
  ],
};

/** What an import matches duplicates by (as the server's import entities: `duplicateKeys`). */
export const DUPLICATE_HINTS: Record<ImportEntity, string> = {
  leads:
    'A row is a duplicate when its e-mail or its phone number (digits only) matches a lead you can see or an earlier row of the file.',
  contacts:
    'A row is a duplicate when its e-mail matches a contact you can see or an earlier row of the file.',
  companies:
    'A row is a duplicate when its name or its domain matches a company you can see or an earlier row of the file.',
  products: 'A row is a duplicate when its SKU (any case) matches a product or an earlier row of the file.',
};

/** The label of an import field (`estimatedValueCents` → "Estimated value"), for the report. */
export function importFieldLabel(entity: ImportEntity, field: string | null): string {
  if (field === null) return '—';
  return IMPORT_FIELDS[entity].find((f) => f.field === field)?.label ?? fieldLabel(field);
}

/** `"First name"`, `first_name`, `firstName`, `FIRST-NAME` → `firstname` (case, accents and separators ignored). */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The column names of a CSV's first line (quoted fields, `""` escapes, BOM, `,` or `;` separators). */
export function parseCsvHeader(text: string): string[] {
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const separator = line.split(';').length > line.split(',').length ? ';' : ',';
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell.trim());
      cell = '';
    } else cell += char;
  }
  cells.push(cell.trim());
  return cells.filter((header, index) => header !== '' || index < cells.length - 1);
}

/** Column → field ('' = ignored). */
export type ColumnMapping = Record<string, string>;

/**
 * Proposes a mapping like the server does: a header matches a field by its name, label or an alias, after
 * `normalizeHeader`; each field is used once (first column wins); anything else is ignored.
 */
export function autoMapping(headers: readonly string[], entity: ImportEntity): ColumnMapping {
  const fields = IMPORT_FIELDS[entity];
  const lookup = new Map<string, string>();
  // Field names first, so a synonym never shadows a field's own name (as on the server); labels last.
  const names = [
    ...fields.map(({ field }) => [field, field] as const),
    ...fields.flatMap(({ field, aliases = [] }) => aliases.map((alias) => [alias, field] as const)),
    ...fields.map(({ field, label }) => [label, field] as const),
  ];
  for (const [name, field] of names) {
    const key = normalizeHeader(name);
    if (!lookup.has(key)) lookup.set(key, field);
  }
  const used = new Set<string>();
  const mapping: ColumnMapping = {};
  for (const header of headers) {
    const field = lookup.get(normalizeHeader(header));
    mapping[header] = field && !used.has(field) ? field : '';
    if (field) used.add(field);
  }
  return mapping;
}

/**
 * The `mapping` sent to the server: every column, `""` for the ones the user ignores (otherwise the
 * server would map them automatically).
 */
export function mappingPayload(mapping: ColumnMapping): Record<string, string> {
  return { ...mapping };
}

/** True when at least one column is imported. */
export const hasMappedColumn = (mapping: ColumnMapping): boolean => Object.values(mapping).some(Boolean);
