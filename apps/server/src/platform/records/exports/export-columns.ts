import { type ExportHeaders, fieldLabel } from '@tessera/contracts';
import type { Tx } from '../../db/index.ts';

/** One column of an export file. A plain string is `{ key }`. */
export interface ExportColumn {
  /** The DTO field; the header of the `keys` format. */
  key: string;
  /** The spreadsheet header; default the field's label (`estimatedValueCents` → "Estimated value"). */
  label?: string;
  /** Minor units: the spreadsheet shows the row's `currency` units, plainly (`1234.50`). */
  money?: boolean;
  /** An id the spreadsheet shows by name, through the name lookup registered under this kind ("member"). */
  names?: string;
  /** Only in one format (e.g. `companyId` for re-import, `companyName` for spreadsheets). */
  only?: ExportHeaders;
}

export type ExportColumnSpec = string | ExportColumn;

/** Names of the ids a column holds, in the caller's tenant (`tx` is the tenant transaction). */
export type NameLookup = (tx: Tx, tenantId: string, ids: readonly string[]) => Promise<Map<string, string>>;

const LOOKUPS = new Map<string, NameLookup>();

/** A module names ids for spreadsheet exports ("member" → the person's name, "company" → its name). */
export const registerExportNames = (kind: string, lookup: NameLookup) => {
  LOOKUPS.set(kind, lookup);
};

const HEADERS: Readonly<Record<string, string>> = {
  id: 'ID',
  createdAt: 'Created',
  updatedAt: 'Updated',
  archivedAt: 'Archived',
};

/** The file's columns for a format, without the fields the caller may not see. */
export const fileColumns = (
  specs: readonly ExportColumnSpec[],
  headers: ExportHeaders,
  hidden: ReadonlySet<string>,
): ExportColumn[] =>
  specs
    .map((c) => (typeof c === 'string' ? { key: c } : c))
    .filter((c) => !hidden.has(c.key) && (c.only === undefined || c.only === headers));

export const headerRow = (columns: readonly ExportColumn[], headers: ExportHeaders): string[] =>
  columns.map((c) => (headers === 'keys' ? c.key : (c.label ?? HEADERS[c.key] ?? fieldLabel(c.key))));

const fractionDigits = new Map<string, number>();
/** ISO 4217 minor-unit digits (USD 2, JPY 0, BHD 3); 2 for a code Intl does not know. */
const digitsOf = (currency: unknown): number => {
  const code = typeof currency === 'string' ? currency : 'USD';
  let digits = fractionDigits.get(code);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
          .maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    fractionDigits.set(code, digits);
  }
  return digits;
};

/** Minor units as a plain decimal in the currency's units, exactly (string arithmetic): 123450 → "1234.50". */
export const currencyUnits = (minor: number, currency: unknown): string => {
  const digits = digitsOf(currency);
  if (digits === 0) return String(minor);
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  return `${minor < 0 ? '-' : ''}${text.slice(0, -digits)}.${text.slice(-digits)}`;
};

/**
 * The cells of a page of DTOs: as they are (`keys`), or for spreadsheets (`labels`: money in currency units,
 * ids replaced by names — one lookup per name kind and page).
 */
export const pageCells = async (
  tx: Tx,
  tenantId: string,
  dtos: readonly Record<string, unknown>[],
  columns: readonly ExportColumn[],
  headers: ExportHeaders,
): Promise<unknown[][]> => {
  if (headers === 'keys') return dtos.map((dto) => columns.map((c) => dto[c.key]));
  const names = new Map<string, Map<string, string>>();
  for (const c of columns) {
    if (!c.names || names.has(c.names)) continue;
    const lookup = LOOKUPS.get(c.names);
    if (!lookup) throw new Error(`No export name lookup "${c.names}" is registered`);
    const ids = new Set<string>();
    for (const col of columns.filter((x) => x.names === c.names))
      for (const dto of dtos) if (typeof dto[col.key] === 'string') ids.add(dto[col.key] as string);
    names.set(c.names, ids.size > 0 ? await lookup(tx, tenantId, [...ids]) : new Map());
  }
  return dtos.map((dto) =>
    columns.map((c) => {
      const value = dto[c.key];
      if (value === null || value === undefined) return value;
      if (c.money && typeof value === 'number') return currencyUnits(value, dto.currency);
      if (c.names) return names.get(c.names)?.get(value as string) ?? '';
      return value;
    }),
  );
};
