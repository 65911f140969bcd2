/**
 * The one mapping from contract (Zod) issues to sentences a person reads: "Name can be at most 120
 * characters", "Amount can't be negative", "Choose a role". Used by the web forms (`useZodForm`), the API's
 * `VALIDATION_ERROR` details and the CSV import report. A message a schema wrote itself (`.email({ message })`,
 * a refinement) is kept; only Zod's built-in developer wording ("Too big: expected string…") is replaced.
 */

/** The shape of a Zod 4 issue this needs (structural, so callers need not import Zod's types). */
export interface ContractIssue {
  readonly code?: string;
  readonly path: ReadonlyArray<PropertyKey>;
  readonly message: string;
  readonly expected?: unknown;
  readonly origin?: unknown;
  readonly format?: unknown;
  readonly maximum?: unknown;
  readonly minimum?: unknown;
  readonly inclusive?: unknown;
  readonly divisor?: unknown;
  readonly keys?: readonly unknown[];
  readonly values?: readonly unknown[];
}

/** Field keys whose label is not just their words ("email" → "E-mail", "roleId" → "Role"). */
const LABELS: Readonly<Record<string, string>> = {
  email: 'E-mail',
  url: 'Web address',
  website: 'Website',
  q: 'Search',
  totpCode: 'Authentication code',
  expectedCloseDate: 'Expected close',
  expectedCloseAt: 'Expected close',
  tenantName: 'Company name',
};

/** `estimatedValueCents` → "Estimated value", `companyId` → "Company", `firstName` → "First name". */
export const fieldLabel = (key: PropertyKey): string => {
  const name = String(key);
  const known = LABELS[name];
  if (known) return known;
  const words = name
    .replace(/(Cents|Ids?|At)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  if (words === '') return 'This field';
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** Zod's own wording (replaced); anything else was written by a schema and is kept. */
const BUILT_IN = /^(Invalid|Too (big|small)|Unrecognized key|Required$)/;

const isMoney = (key: string) => /Cents$/.test(key);
const isReference = (key: string) => /Ids?$/.test(key);
const isEmpty = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
const lower = (label: string) =>
  /^[A-Z][a-z]/.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');
const choose = (label: string) => `Choose ${article(label)} ${lower(label)}`;

const amount = (key: string, n: unknown) => {
  const value = Number(n);
  if (!isMoney(key)) return value.toLocaleString('en-US');
  return (value / 100).toLocaleString('en-US', { minimumFractionDigits: 0, maximumFractionDigits: 2 });
};

const valueAt = (input: unknown, path: ReadonlyArray<PropertyKey>) => {
  let at: unknown = input;
  for (const segment of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<PropertyKey, unknown>)[segment];
  }
  return at;
};

const EXPECTED: Readonly<Record<string, string>> = {
  number: 'must be a number',
  int: 'must be a whole number',
  bigint: 'must be a whole number',
  boolean: 'must be yes or no',
  date: 'must be a date',
  array: 'must be a list',
  string: 'must be text',
};

const sizeMessage = (issue: ContractIssue, label: string, key: string, big: boolean): string => {
  const limit = big ? issue.maximum : issue.minimum;
  const n = Number(limit);
  const origin = String(issue.origin ?? '');
  if (origin === 'string') {
    if (!big && n <= 1) return `${label} is required`;
    return big ? `${label} can be at most ${n} characters` : `${label} must be at least ${n} characters`;
  }
  if (origin === 'array' || origin === 'set') {
    if (!big && n <= 1) return `Choose at least one ${lower(label)}`;
    return big ? `${label} can have at most ${n} entries` : `${label} needs at least ${n} entries`;
  }
  if (origin === 'date') return big ? `${label} is too late` : `${label} is too early`;
  if (!big && n === 0)
    return issue.inclusive === false ? `${label} must be more than 0` : `${label} can't be negative`;
  const shown = amount(key, n);
  if (big)
    return issue.inclusive === false
      ? `${label} must be less than ${shown}`
      : `${label} can be at most ${shown}`;
  return issue.inclusive === false
    ? `${label} must be more than ${shown}`
    : `${label} must be at least ${shown}`;
};

const FORMATS: Readonly<Record<string, (label: string) => string>> = {
  email: () => 'Enter a valid e-mail address',
  url: () => 'Enter a valid web address (https://…)',
  datetime: (label) => `${label} must be a date and time`,
  date: (label) => `${label} must be a date`,
  time: (label) => `${label} must be a time`,
};

export interface IssueMessageOptions {
  /** The field's label as the form shows it; derived from the last path key otherwise. */
  label?: string;
  /** The validated input (the whole object): tells "missing" from "wrong". */
  input?: unknown;
}

/** One issue as a sentence with the field's label. */
export const issueMessage = (issue: ContractIssue, options: IssueMessageOptions = {}): string => {
  if (!BUILT_IN.test(issue.message)) return issue.message;
  const last = [...issue.path].reverse().find((p) => typeof p === 'string') ?? '';
  const key = String(last);
  const label = options.label ?? fieldLabel(key);
  const value = options.input === undefined ? undefined : valueAt(options.input, issue.path);
  const missing =
    (options.input !== undefined && isEmpty(value)) || /received (undefined|null)$/.test(issue.message);
  switch (issue.code) {
    case 'invalid_type': {
      if (missing) return isReference(key) ? choose(label) : `${label} is required`;
      if (typeof value === 'number' && Number.isNaN(value)) return `${label} must be a number`;
      const expected = EXPECTED[String(issue.expected)];
      return expected ? `${label} ${expected}` : `${label} is not valid`;
    }
    case 'too_big':
      return sizeMessage(issue, label, key, true);
    case 'too_small':
      return sizeMessage(issue, label, key, false);
    case 'invalid_format': {
      const format = String(issue.format ?? '');
      if (isEmpty(value) && options.input !== undefined)
        return isReference(key) ? choose(label) : `${label} is required`;
      if (format === 'uuid' || format === 'guid')
        return isReference(key) ? choose(label) : `${label} is not valid`;
      return (FORMATS[format] ?? ((l: string) => `${l} is not in the expected format`))(label);
    }
    case 'invalid_value': {
      if (missing) return choose(label);
      const values = (issue.values ?? []).map(String);
      return values.length > 0 && values.length <= 6
        ? `${label} must be one of: ${values.join(', ')}`
        : `Choose a valid ${lower(label)}`;
    }
    case 'not_multiple_of':
      return `${label} must be a multiple of ${amount(key, issue.divisor)}`;
    case 'unrecognized_keys': {
      const keys = (issue.keys ?? []).map(String);
      return keys.length === 1
        ? `Unknown field "${keys[0]}"`
        : `Unknown fields: ${keys.map((k) => `"${k}"`).join(', ')}`;
    }
    default:
      return missing ? `${label} is required` : `${label} is not valid`;
  }
};
