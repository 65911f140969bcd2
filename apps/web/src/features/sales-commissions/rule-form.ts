import type { CommissionRuleDto } from '@tessera/contracts';
import { parseMoneyToCents } from '../../lib/records/money';

/**
 * The commission rule form: rates are entered in percent (`5`, `2.5`, `12.25`) while the API stores basis
 * points (500, 250, 1225); tier thresholds in the currency (`10,000`) while the API stores minor units.
 */

/** `"2.5"` → 250; `undefined` for blank, `NaN` for anything that is not 0–100 with at most two decimals. */
export function percentToBp(text: string): number | undefined {
  const clean = text.trim().replace(/\s*%$/, '').replace(',', '.');
  if (clean === '') return undefined;
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(clean)) return Number.NaN;
  const [whole = '0', fraction = ''] = clean.split('.');
  const bp = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return bp > 10_000 ? Number.NaN : bp;
}

/** 250 → `"2.5"`, 1225 → `"12.25"`, 500 → `"5"` (no float arithmetic: exact). */
export function bpToPercent(bp: number): string {
  const whole = Math.trunc(bp / 100);
  const fraction = String(Math.abs(bp % 100))
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

export interface TierRow {
  /** The period volume from which the tier's rate applies, as typed (currency units). */
  from: string;
  /** Percent, as typed. */
  rate: string;
}

export interface RuleFormValues {
  name: string;
  target: 'user' | 'role';
  userId: string;
  roleId: string;
  categoryId: string;
  rate: string;
  tiers: TierRow[];
}

export type RuleFormErrors = Partial<Record<'name' | 'target' | 'rate', string>> & {
  /** Per tier row: the problem of its threshold or its rate. */
  tiers?: Record<number, { from?: string; rate?: string }>;
};

export interface RuleInput {
  name: string;
  userId?: string | null;
  roleId?: string | null;
  categoryId: string | null;
  rateBp: number;
  tiers: { fromCents: number; rateBp: number }[];
}

const RATE_ERROR = 'A percentage from 0 to 100, at most two decimals';

/** Tier rows → API tiers, or the problems per row (blank rows are ignored; thresholds must go up). */
export function parseTiers(rows: readonly TierRow[]): {
  tiers: { fromCents: number; rateBp: number }[];
  errors: Record<number, { from?: string; rate?: string }>;
} {
  const tiers: { fromCents: number; rateBp: number }[] = [];
  const errors: Record<number, { from?: string; rate?: string }> = {};
  let previous = -1;
  rows.forEach((row, index) => {
    if (row.from.trim() === '' && row.rate.trim() === '') return;
    const fromCents = parseMoneyToCents(row.from);
    const rateBp = percentToBp(row.rate);
    const problem: { from?: string; rate?: string } = {};
    if (fromCents === undefined) problem.from = 'Required';
    else if (Number.isNaN(fromCents) || fromCents < 0) problem.from = 'An amount of 0 or more';
    else if (fromCents <= previous) problem.from = 'Must be above the tier before';
    if (rateBp === undefined) problem.rate = 'Required';
    else if (Number.isNaN(rateBp)) problem.rate = RATE_ERROR;
    if (problem.from || problem.rate) errors[index] = problem;
    else if (fromCents !== undefined && rateBp !== undefined) tiers.push({ fromCents, rateBp });
    if (fromCents !== undefined && !Number.isNaN(fromCents)) previous = Math.max(previous, fromCents);
  });
  return { tiers, errors };
}

/** The form's values → the API input (create: with the agent or role; edit: the target cannot change). */
export function ruleFormToInput(
  values: RuleFormValues,
): { ok: true; input: RuleInput } | { ok: false; errors: RuleFormErrors } {
  const errors: RuleFormErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Required';
  else if (name.length > 200) errors.name = 'At most 200 characters';
  const targetId = values.target === 'user' ? values.userId : values.roleId;
  if (!targetId) errors.target = values.target === 'user' ? 'Choose an agent' : 'Choose a role';
  const rateBp = percentToBp(values.rate);
  if (rateBp === undefined) errors.rate = 'Required';
  else if (Number.isNaN(rateBp)) errors.rate = RATE_ERROR;
  const parsed = parseTiers(values.tiers);
  if (values.tiers.length > 10) errors.rate = errors.rate ?? 'At most 10 tiers';
  if (Object.keys(parsed.errors).length) errors.tiers = parsed.errors;
  if (Object.keys(errors).length || rateBp === undefined) return { ok: false, errors };
  return {
    ok: true,
    input: {
      name,
      ...(values.target === 'user' ? { userId: targetId } : { roleId: targetId }),
      categoryId: values.categoryId || null,
      rateBp,
      tiers: parsed.tiers,
    },
  };
}

/** A rule's stored values as form values (amounts in currency units, rates in percent). */
export function ruleToForm(rule: CommissionRuleDto | undefined): RuleFormValues {
  if (!rule) return { name: '', target: 'user', userId: '', roleId: '', categoryId: '', rate: '', tiers: [] };
  return {
    name: rule.name,
    target: rule.roleId ? 'role' : 'user',
    userId: rule.userId ?? '',
    roleId: rule.roleId ?? '',
    categoryId: rule.categoryId ?? '',
    rate: bpToPercent(rule.rateBp),
    tiers: rule.tiers.map((t) => ({ from: centsToAmount(t.fromCents), rate: bpToPercent(t.rateBp) })),
  };
}

/** 1234500 → `"12345"`, 1234550 → `"12345.50"` (plain, for an input). */
export function centsToAmount(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const rest = cents % 100;
  return rest ? `${whole}.${String(rest).padStart(2, '0')}` : String(whole);
}

/** The first day and the last day of the month of `today` (ISO dates). */
export function monthOf(today: Date): { from: string; to: string } {
  const y = today.getUTCFullYear();
  const m = today.getUTCMonth();
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { from: iso(new Date(Date.UTC(y, m, 1))), to: iso(new Date(Date.UTC(y, m + 1, 0))) };
}
