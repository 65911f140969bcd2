import type { ImportEntityDef } from './import-entities.ts';

/** "First name", "first_name", "firstName", "FIRST-NAME" → "firstname" (accents dropped too). */
export const normaliseHeader = (header: string): string =>
  header
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');

export interface ColumnIssue {
  path: string;
  message: string;
}

export interface ColumnPlan {
  /** The field each column of the file feeds (null: ignored). */
  columns: (string | null)[];
  /** Header → field for every mapped column, and header → "" for columns ignored on purpose. */
  mapping: Record<string, string>;
}

const autoIndex = (entity: ImportEntityDef) => {
  const index = new Map<string, string>();
  // Field names first, so a synonym never shadows a field's own name.
  for (const field of Object.keys(entity.fields)) index.set(normaliseHeader(field), field);
  for (const [field, def] of Object.entries(entity.fields))
    for (const synonym of def.synonyms) if (!index.has(synonym)) index.set(synonym, field);
  return index;
};

const describeRequired = (entity: ImportEntityDef) =>
  entity.required.map((set) => set.join(' + ')).join(' or ');

/**
 * Which field each CSV column feeds. An explicit mapping (`{ "CSV header": "field" }`, "" to ignore a
 * column) wins; the other headers map automatically, case-, space- and underscore-insensitively, to a field
 * name or a common synonym. A field is fed by one column only (the first one). The file must cover one of
 * the entity's required field sets.
 */
export const resolveColumns = (
  entity: ImportEntityDef,
  header: readonly string[],
  explicit: Readonly<Record<string, string>> = {},
): { plan: ColumnPlan } | { issues: ColumnIssue[] } => {
  const issues: ColumnIssue[] = [];
  const columns: (string | null)[] = header.map(() => null);
  const decided = header.map(() => false);
  const taken = new Set<string>();
  const mapping: Record<string, string> = {};

  for (const [key, field] of Object.entries(explicit)) {
    let at = header.indexOf(key);
    if (at < 0) at = header.findIndex((h, i) => !decided[i] && normaliseHeader(h) === normaliseHeader(key));
    if (at < 0 || decided[at]) {
      issues.push({ path: `mapping.${key}`, message: `The file has no column "${key}"` });
      continue;
    }
    if (field !== '' && !(field in entity.fields)) {
      issues.push({
        path: `mapping.${key}`,
        message: `Unknown field "${field}"; one of: ${Object.keys(entity.fields).join(', ')}`,
      });
      continue;
    }
    if (field !== '' && taken.has(field)) {
      issues.push({ path: `mapping.${key}`, message: `Two columns are mapped to "${field}"` });
      continue;
    }
    decided[at] = true;
    columns[at] = field === '' ? null : field;
    if (field !== '') taken.add(field);
    mapping[header[at] as string] = field;
  }

  const auto = autoIndex(entity);
  header.forEach((h, i) => {
    if (decided[i]) return;
    const field = auto.get(normaliseHeader(h));
    if (!field || taken.has(field)) return;
    columns[i] = field;
    taken.add(field);
    if (!(h in mapping)) mapping[h] = field;
  });

  if (issues.length === 0 && !entity.required.some((set) => set.every((f) => taken.has(f)))) {
    issues.push({
      path: 'file',
      message: `The file needs a column for ${describeRequired(entity)} (headers found: ${header.join(', ') || 'none'})`,
    });
  }
  return issues.length > 0 ? { issues } : { plan: { columns, mapping } };
};
