import { parseMoneyToCents } from './money';

/** Form values of the generic record form: text inputs hold strings, checkboxes booleans. */
export type FormValues = Record<string, string | boolean>;

/** A text value, or `undefined` when blank (optional create fields). */
export const optional = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** A text value, or `null` when blank (clearable update fields). */
export const nullable = (value: unknown): string | null => optional(value) ?? null;

/** An integer, `undefined` when blank, `NaN` when not a number (the schema then reports it). */
export const optionalInt = (value: unknown): number | undefined => {
  const text = optional(value);
  return text === undefined ? undefined : Number(text);
};

/** An amount typed in currency units → cents (`undefined` when blank). */
export const optionalCents = (value: unknown): number | undefined =>
  typeof value === 'string' ? parseMoneyToCents(value) : undefined;

/** Comma-separated tags → a list (blank entries dropped). */
export const tagList = (value: unknown): string[] =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean)
    : [];

/** A local `datetime-local` / `date` value → ISO date-time (`undefined` when blank or invalid). */
export const localToIso = (value: unknown): string | undefined => {
  const text = optional(value);
  if (!text) return undefined;
  const date = new Date(text.length === 10 ? `${text}T09:00` : text);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

/** Cents → the text shown in an amount input (`150000` → `"1500.00"`). */
export const centsToInput = (cents: number | null | undefined): string =>
  cents === null || cents === undefined ? '' : (cents / 100).toFixed(2);
