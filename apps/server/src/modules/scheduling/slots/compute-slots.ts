import type { DatedRange, WeeklyRange } from '@tessera/contracts';
import { addDays, isoWeekday, wallClock, zonedToUtc } from './zoned-time.ts';

/** Slot computation without I/O: availability in the agent's zone minus busy ranges, as UTC instants. */

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface AgentAvailability {
  agentId: string;
  timeZone: string;
  weeklyHours: readonly WeeklyRange[];
  breaks: readonly WeeklyRange[];
  datesOff: readonly string[];
  extraDates: readonly DatedRange[];
}

/** A time the agent is not free (an active appointment, buffers included), UTC milliseconds, half-open. */
export interface BusyRange {
  agentId: string;
  from: number;
  to: number;
}

export interface SlotRules {
  durationMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  slotStepMinutes: number;
  minNoticeMinutes: number;
  maxDaysAhead: number;
}

export interface SlotWindow {
  /** Slots start at or after `from` and before `to` (UTC ms). */
  from: number;
  to: number;
  /** The current instant (minimum notice and maximum days ahead count from it). */
  now: number;
}

export interface ComputedSlot {
  agentId: string;
  start: number;
  end: number;
  timeZone: string;
}

const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
type Span = [number, number];

/** Sorted, merged spans. */
const merge = (spans: Span[]): Span[] => {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
};

/** `spans` minus `cuts` (both sorted and merged). */
const subtract = (spans: Span[], cuts: Span[]): Span[] => {
  const out: Span[] = [];
  for (const [start, end] of spans) {
    let from = start;
    for (const [cs, ce] of cuts) {
      if (ce <= from || cs >= end) continue;
      if (cs > from) out.push([from, cs]);
      from = Math.max(from, ce);
    }
    if (from < end) out.push([from, end]);
  }
  return out;
};

/** The agent's working windows on one local date, in minutes of that day (weekly hours or extra hours, minus breaks). */
export const workingMinutes = (agent: AgentAvailability, date: string): Span[] => {
  const weekday = isoWeekday(date);
  const span = (r: { start: string; end: string }): Span => [toMinutes(r.start), toMinutes(r.end)];
  const regular = agent.datesOff.includes(date)
    ? []
    : agent.weeklyHours.filter((r) => r.weekday === weekday).map(span);
  const extra = agent.extraDates.filter((r) => r.date === date).map(span);
  const breaks = merge(agent.breaks.filter((r) => r.weekday === weekday).map(span));
  return subtract(merge([...regular, ...extra]), breaks);
};

/** Whether [from, to) overlaps one of the sorted busy ranges. */
const overlapsBusy = (busy: readonly BusyRange[], from: number, to: number) => {
  let lo = 0;
  let hi = busy.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((busy[mid] as BusyRange).to <= from) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < busy.length; i++) {
    const b = busy[i] as BusyRange;
    if (b.from >= to) return false;
    if (b.to > from) return true;
  }
  return false;
};

/** Free slots of one agent in the window: starts step through each working window from its start. */
export const agentSlots = (
  agent: AgentAvailability,
  busy: readonly BusyRange[],
  rules: SlotRules,
  window: SlotWindow,
): ComputedSlot[] => {
  const sortedBusy = [...busy].sort((a, b) => a.to - b.to);
  const earliest = Math.max(window.from, window.now + rules.minNoticeMinutes * MINUTE);
  const latest = Math.min(window.to, window.now + rules.maxDaysAhead * DAY);
  if (earliest >= latest) return [];
  const duration = rules.durationMinutes * MINUTE;
  const step = rules.slotStepMinutes * MINUTE;
  const out: ComputedSlot[] = [];
  const last = wallClock(agent.timeZone, latest).date;
  for (
    let date = addDays(wallClock(agent.timeZone, earliest).date, -1);
    date <= last;
    date = addDays(date, 1)
  ) {
    for (const [startMin, endMin] of workingMinutes(agent, date)) {
      const windowStart = zonedToUtc(agent.timeZone, date, startMin);
      const windowEnd = zonedToUtc(agent.timeZone, date, endMin);
      for (let start = windowStart; start + duration <= windowEnd; start += step) {
        if (start < earliest) continue;
        if (start >= latest) break;
        const end = start + duration;
        const blockedFrom = start - rules.bufferBeforeMinutes * MINUTE;
        const blockedTo = end + rules.bufferAfterMinutes * MINUTE;
        if (overlapsBusy(sortedBusy, blockedFrom, blockedTo)) continue;
        out.push({ agentId: agent.agentId, start, end, timeZone: agent.timeZone });
      }
    }
  }
  return out;
};

/** Free slots of several agents, ordered by start then agent; at most `limit`. */
export const computeSlots = (
  agents: readonly AgentAvailability[],
  busy: readonly BusyRange[],
  rules: SlotRules,
  window: SlotWindow,
  limit = Number.POSITIVE_INFINITY,
): ComputedSlot[] => {
  const byAgent = new Map<string, BusyRange[]>();
  for (const b of busy) {
    const list = byAgent.get(b.agentId) ?? [];
    list.push(b);
    byAgent.set(b.agentId, list);
  }
  return agents
    .flatMap((a) => agentSlots(a, byAgent.get(a.agentId) ?? [], rules, window))
    .sort((x, y) => x.start - y.start || (x.agentId < y.agentId ? -1 : x.agentId > y.agentId ? 1 : 0))
    .slice(0, limit);
};

/** Whether [start, end) lies inside one of the agent's working windows (of the local dates around start). */
export const withinWorkingHours = (agent: AgentAvailability, start: number, end: number): boolean => {
  const day = wallClock(agent.timeZone, start).date;
  for (const date of [addDays(day, -1), day]) {
    for (const [startMin, endMin] of workingMinutes(agent, date)) {
      if (
        zonedToUtc(agent.timeZone, date, startMin) <= start &&
        end <= zonedToUtc(agent.timeZone, date, endMin)
      )
        return true;
    }
  }
  return false;
};
