/**
 * Sales commissions: a pure calculation (the server will store its lines when an invoice is paid and store the
 * negated lines when a credit note reverses it). Rules are per agent or per role, optionally per product
 * category, with tiers by the agent's volume in the period. Integer minor units, half-up.
 */
export interface CommissionTier {
  /** The tier applies once the agent's period volume (before this invoice) reached this amount. */
  fromMinor: number;
  rateBp: number;
}

export interface CommissionRule {
  id: string;
  /** The rule is for this agent, or for every agent with this role (an agent rule wins over a role rule). */
  agentId?: string;
  role?: string;
  /** Only lines of this category (a category rule wins over a rule for all categories). */
  categoryId?: string | null;
  rateBp: number;
  tiers?: readonly CommissionTier[];
}

export interface CommissionInput {
  agent: { id: string; role: string };
  /** Net amounts paid, per line (negative for a credit note: the commission is reversed). */
  lines: readonly { categoryId: string | null; netMinor: number }[];
  /** The agent's paid net volume in the period before this invoice. */
  periodVolumeMinor: number;
  rules: readonly CommissionRule[];
}

export interface CommissionLine {
  ruleId: string;
  baseMinor: number;
  rateBp: number;
  commissionMinor: number;
}

const halfUp = (n: number, d: number) => {
  const sign = n < 0 ? -1 : 1;
  return sign * Math.floor((2 * Math.abs(n) + d) / (2 * d));
};

/** The most specific rule for a line: agent before role, category before any category. */
const ruleFor = (input: CommissionInput, categoryId: string | null) => {
  const score = (r: CommissionRule) => {
    const who = r.agentId === input.agent.id ? 2 : !r.agentId && r.role === input.agent.role ? 1 : 0;
    if (who === 0) return -1;
    if (r.categoryId && r.categoryId !== categoryId) return -1;
    return who * 2 + (r.categoryId ? 1 : 0);
  };
  let best: CommissionRule | undefined;
  for (const r of input.rules) if (score(r) >= 0 && (!best || score(r) > score(best))) best = r;
  return best;
};

/** The rate of a rule at a period volume: its highest tier reached, else its base rate. */
export const rateAt = (rule: CommissionRule, volumeMinor: number) =>
  [...(rule.tiers ?? [])].sort((a, b) => b.fromMinor - a.fromMinor).find((t) => volumeMinor >= t.fromMinor)
    ?.rateBp ?? rule.rateBp;

/** One commission line per applicable rule (lines without a rule earn nothing). */
export const calculateCommission = (input: CommissionInput): CommissionLine[] => {
  const byRule = new Map<string, { rule: CommissionRule; base: number }>();
  for (const line of input.lines) {
    const rule = ruleFor(input, line.categoryId);
    if (!rule) continue;
    const entry = byRule.get(rule.id) ?? { rule, base: 0 };
    entry.base += line.netMinor;
    byRule.set(rule.id, entry);
  }
  return [...byRule.values()].map(({ rule, base }) => {
    const rateBp = rateAt(rule, input.periodVolumeMinor);
    return { ruleId: rule.id, baseMinor: base, rateBp, commissionMinor: halfUp(base * rateBp, 10_000) };
  });
};
