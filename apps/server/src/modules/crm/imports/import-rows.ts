import { fieldLabel, issueMessage } from '@tessera/contracts';
import { bareDomain, type ImportEntityDef } from './import-entities.ts';

export interface RowError {
  row: number;
  field: string | null;
  message: string;
  /** A skipped duplicate (counted in `skipped`, not an error), with the row or record it matches. */
  duplicate?: true;
  duplicateOfRow?: number;
  duplicateOfId?: string;
}

/** A CSV row turned into contract input: validated values, or the reasons it was refused. */
export type ConvertedRow =
  | { ok: true; row: number; values: Record<string, unknown>; companyName?: string }
  | { ok: false; errors: RowError[] };

/** Our own exports prefix formula-like cells with `'`: take it off again so a round trip is lossless. */
const FORMULA_GUARD = /^'(?=[=+\-@\t\r])/;
const cellText = (raw: string | undefined) => (raw ?? '').trim().replace(FORMULA_GUARD, '');

const MONEY_SYMBOLS = /[\s$€£¥]/g;
const THOUSANDS = /^\d{1,3}(,\d{3})+(\.\d+)?$/;

/** `1234.56`, `1,234.56`, `$ 1234` → cents; a column whose header ends in "cents" holds whole cents. */
export const parseMoney = (text: string, inCents: boolean): number | string => {
  let s = text.replace(MONEY_SYMBOLS, '');
  if (THOUSANDS.test(s)) s = s.replace(/,/g, '');
  // A sign is kept, so the contract's own rule speaks ("Estimated value can't be negative").
  if (inCents) return /^-?\d+$/.test(s) ? Number(s) : 'must be a whole number of cents';
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) return 'must be an amount such as 1234.56';
  const cents = (Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'))) * (m[1] ? -1 : 1);
  return Number.isSafeInteger(cents) ? cents : 'is too large';
};

const splitTags = (text: string) => [
  ...new Set(
    text
      .split(/[;,]/)
      .map((t) => t.trim())
      .filter(Boolean),
  ),
];

/** "Ada King Lovelace" → first "Ada King", last "Lovelace"; "Lovelace, Ada" → first "Ada", last "Lovelace". */
const splitName = (text: string): [string, string] => {
  const comma = text.indexOf(',');
  if (comma > 0) return [text.slice(comma + 1).trim(), text.slice(0, comma).trim()];
  const space = text.lastIndexOf(' ');
  return space > 0 ? [text.slice(0, space).trim(), text.slice(space + 1).trim()] : [text, ''];
};

/**
 * Converts one record with the column plan and validates it with the entity's create contract. Empty cells
 * are absent values (the contract's defaults apply; an update leaves that field as it is). Every problem is
 * reported with the row number and the contract field.
 */
export const convertRow = (
  entity: ImportEntityDef,
  header: readonly string[],
  columns: readonly (string | null)[],
  row: number,
  record: readonly string[],
): ConvertedRow => {
  const input: Record<string, unknown> = {};
  const errors: RowError[] = [];
  let fullName: string | undefined;
  let companyName: string | undefined;
  columns.forEach((field, i) => {
    if (!field) return;
    const text = cellText(record[i]);
    if (text === '') return;
    const kind = entity.fields[field]?.kind;
    if (kind === 'int') {
      if (/^[+-]?\d+$/.test(text)) input[field] = Number(text);
      else errors.push({ row, field, message: `${fieldLabel(field)} must be a whole number` });
    } else if (kind === 'money') {
      const cents = parseMoney(text, /cents$/i.test(header[i]?.trim() ?? ''));
      if (typeof cents === 'number') input[field] = cents;
      else errors.push({ row, field, message: `${fieldLabel(field)} ${cents}` });
    } else if (kind === 'tags') input[field] = splitTags(text);
    else if (kind === 'domain') input[field] = bareDomain(text);
    else if (kind === 'fullName') fullName = text;
    else if (kind === 'companyName') companyName = text;
    else input[field] = text;
  });
  if (fullName !== undefined && input.firstName === undefined && input.lastName === undefined) {
    const [first, last] = splitName(fullName);
    input.firstName = first;
    input.lastName = last;
  }
  entity.derive?.(input);
  const parsed = entity.schema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = typeof issue.path[0] === 'string' ? issue.path[0] : null;
      errors.push({ row, field, message: issueMessage(issue, { input }) });
    }
  }
  if (errors.length > 0 || !parsed.success) {
    // In the order of the file's columns (fields without a column, e.g. a missing last name, first).
    const at = (field: string | null) => (field === null ? -1 : columns.indexOf(field));
    return { ok: false, errors: errors.sort((a, b) => at(a.field) - at(b.field)) };
  }
  return { ok: true, row, values: parsed.data, ...(companyName === undefined ? {} : { companyName }) };
};
