import type { SchedulingSettings } from '@tessera/contracts';
import { and, eq, gt, inArray, lt, max, sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { AgentRow } from '../agents/agent-record.ts';
import { type BusyRange, withinWorkingHours } from '../slots/compute-slots.ts';
import { busyRanges, candidateAgents } from '../slots/slots.service.ts';
import type { AppointmentTypeRow } from '../types/type-record.ts';
import { appointments } from './appointments.tables.ts';

const DAY = 86_400_000;
const LOAD_DAYS = 3;

export interface AgentPick {
  agent: AgentRow;
  assignment: { strategy: string; reason: string; candidates: number };
}

/** A prefix of the agent's territory that the postal code starts with (the longest), if any. */
const territoryMatch = (agent: AgentRow, postalCode: string) => {
  const code = postalCode.toUpperCase().replace(/\s+/g, '');
  return agent.postalPrefixes
    .map((p) => p.replace(/\s+/g, ''))
    .filter((p) => code.startsWith(p))
    .sort((a, b) => b.length - a.length)[0];
};

/**
 * Load (active appointments starting within ±3 days) and the last time each agent was booked, in one
 * statement (one round trip per booking instead of two).
 */
const loads = async (t: Tx, tenantId: string, agentIds: string[], around: number) => {
  const rows = await t
    .select({
      agentId: appointments.agentId,
      n: sql<number>`count(*) filter (where ${and(
        inArray(appointments.status, ['scheduled', 'confirmed']),
        gt(appointments.startsAt, new Date(around - LOAD_DAYS * DAY)),
        lt(appointments.startsAt, new Date(around + LOAD_DAYS * DAY)),
      )})`,
      last: max(appointments.createdAt),
    })
    .from(appointments)
    .where(and(eq(appointments.tenantId, tenantId), inArray(appointments.agentId, agentIds)))
    .groupBy(appointments.agentId);
  return {
    load: new Map(rows.map((r) => [r.agentId, Number(r.n)])),
    last: new Map(rows.map((r) => [r.agentId, r.last ? new Date(r.last).getTime() : 0])),
  };
};

/**
 * The best agent for a slot when none was chosen: agents who take the type (skills, listed agents) and are
 * free and working then; a territory match on the postal code first (those without a territory next); then
 * the tenant's strategy — lowest load, round-robin (least recently booked) or fixed priority — with
 * round-robin and then the id breaking ties. Says why.
 */
export const pickAgent = async (
  t: Tx,
  tenantId: string,
  input: {
    type: AppointmentTypeRow;
    start: number;
    end: number;
    postalCode?: string;
    settings: SchedulingSettings;
    /** What the caller already read in this transaction: the type's candidate agents, and their busy ranges
     * covering at least the blocked range (the public booking page reads both for its own check). */
    known?: { agents: readonly AgentRow[]; busy: readonly BusyRange[] };
  },
): Promise<AgentPick> => {
  const { type, start, end, postalCode, settings } = input;
  const all = input.known?.agents ?? (await candidateAgents(t, tenantId, type, {}));
  const blockedFrom = start - type.bufferBeforeMinutes * 60_000;
  const blockedTo = end + type.bufferAfterMinutes * 60_000;
  const busy =
    input.known?.busy ??
    (await busyRanges(
      t,
      tenantId,
      all.map((a) => a.id),
      { from: blockedFrom, to: blockedTo },
    ));
  const blocked = new Set(busy.filter((b) => b.from < blockedTo && b.to > blockedFrom).map((b) => b.agentId));
  const free = all.filter(
    (a) => withinWorkingHours({ ...a, agentId: a.id }, start, end) && !blocked.has(a.id),
  );
  const reasons: string[] = [];
  let pool = free;
  if (postalCode) {
    const matching = free.filter((a) => territoryMatch(a, postalCode));
    const open = free.filter((a) => a.postalPrefixes.length === 0);
    pool = matching.length ? matching : open;
    reasons.push(
      matching.length
        ? `covers postal code ${postalCode}`
        : `no agent's territory covers ${postalCode}; agents without a territory`,
    );
  }
  if (pool.length === 0)
    throw new AppError('CONFLICT', 'No agent is free for this time. Pick another slot.', {
      details: { nextSlots: [] },
    });
  if (type.requiredSkills.length) reasons.push(`has ${type.requiredSkills.join(', ')}`);
  const { load, last } = await loads(
    t,
    tenantId,
    pool.map((a) => a.id),
    start,
  );
  const roundRobin = (a: AgentRow, b: AgentRow) =>
    (last.get(a.id) ?? 0) - (last.get(b.id) ?? 0) || (a.id < b.id ? -1 : 1);
  const byStrategy: Record<SchedulingSettings['strategy'], (a: AgentRow, b: AgentRow) => number> = {
    load_balanced: (a, b) => (load.get(a.id) ?? 0) - (load.get(b.id) ?? 0) || roundRobin(a, b),
    round_robin: roundRobin,
    fixed_priority: (a, b) => a.priority - b.priority || roundRobin(a, b),
  };
  const sorted = [...pool].sort(byStrategy[settings.strategy]);
  const agent = sorted[0] as AgentRow;
  if (settings.strategy === 'load_balanced')
    reasons.push(`lowest load (${load.get(agent.id) ?? 0} appointments within ${LOAD_DAYS} days)`);
  if (settings.strategy === 'fixed_priority') reasons.push(`highest priority (${agent.priority})`);
  const tied = sorted.filter((a) => sameRank(settings, load, a, agent));
  if (tied.length > 1 || settings.strategy === 'round_robin')
    reasons.push(`round-robin: booked least recently among ${tied.length}`);
  return {
    agent,
    assignment: { strategy: settings.strategy, reason: reasons.join('; '), candidates: pool.length },
  };
};

/** Whether two agents rank equal before the round-robin tie-break. */
const sameRank = (settings: SchedulingSettings, load: Map<string, number>, a: AgentRow, b: AgentRow) =>
  settings.strategy === 'round_robin' ||
  (settings.strategy === 'load_balanced' && (load.get(a.id) ?? 0) === (load.get(b.id) ?? 0)) ||
  (settings.strategy === 'fixed_priority' && a.priority === b.priority);
