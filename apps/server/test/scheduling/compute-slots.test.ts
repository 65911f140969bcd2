import { describe, expect, it } from 'vitest';
import {
  type AgentAvailability,
  computeSlots,
  type SlotRules,
  workingMinutes,
} from '../../src/modules/scheduling/slots/compute-slots.ts';
import { offsetMinutes, wallClock, zonedToUtc } from '../../src/modules/scheduling/slots/zoned-time.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const at = (s: string) => Date.parse(s);

const agent = (timeZone: string, extra: Partial<AgentAvailability> = {}): AgentAvailability => ({
  agentId: 'a',
  timeZone,
  weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '10:00' })),
  breaks: [],
  datesOff: [],
  extraDates: [],
  ...extra,
});
const hourly: SlotRules = {
  durationMinutes: 60,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  slotStepMinutes: 60,
  minNoticeMinutes: 0,
  maxDaysAhead: 365,
};
const slotsOf = (
  a: AgentAvailability,
  from: string,
  to: string,
  rules = hourly,
  busy: { from: string; to: string }[] = [],
) =>
  computeSlots(
    [a],
    busy.map((b) => ({ agentId: a.agentId, from: at(b.from), to: at(b.to) })),
    rules,
    { from: at(from), to: at(to), now: at('2026-01-01T00:00:00Z') },
  ).map((s) => iso(s.start));

describe('zoned time (Intl zone data)', () => {
  it('reads offsets, including half-hour zones and DST', () => {
    expect(offsetMinutes('Europe/Berlin', at('2026-01-15T12:00:00Z'))).toBe(60);
    expect(offsetMinutes('Europe/Berlin', at('2026-07-15T12:00:00Z'))).toBe(120);
    expect(offsetMinutes('America/New_York', at('2026-01-15T12:00:00Z'))).toBe(-300);
    expect(offsetMinutes('Asia/Kolkata', at('2026-01-15T12:00:00Z'))).toBe(330);
    expect(offsetMinutes('Australia/Adelaide', at('2026-01-15T12:00:00Z'))).toBe(630);
    expect(offsetMinutes('Australia/Adelaide', at('2026-07-15T12:00:00Z'))).toBe(570);
    expect(offsetMinutes('UTC', at('2026-07-15T12:00:00Z'))).toBe(0);
  });

  it('a wall time skipped by spring-forward moves forward; a repeated one is its earlier occurrence', () => {
    // Berlin 2026-03-29: 02:00 CET → 03:00 CEST. 02:30 does not exist → 03:30 CEST = 01:30Z.
    expect(iso(zonedToUtc('Europe/Berlin', '2026-03-29', 150))).toBe('2026-03-29T01:30:00.000Z');
    // Berlin 2026-10-25: 03:00 CEST → 02:00 CET. 02:30 happens twice → the CEST one (00:30Z).
    expect(iso(zonedToUtc('Europe/Berlin', '2026-10-25', 150))).toBe('2026-10-25T00:30:00.000Z');
    // New York 2026-03-08 02:30 does not exist → 03:30 EDT = 07:30Z; 2026-11-01 01:30 twice → EDT (05:30Z).
    expect(iso(zonedToUtc('America/New_York', '2026-03-08', 150))).toBe('2026-03-08T07:30:00.000Z');
    expect(iso(zonedToUtc('America/New_York', '2026-11-01', 90))).toBe('2026-11-01T05:30:00.000Z');
    // 24:00 is midnight of the next day.
    expect(iso(zonedToUtc('Asia/Kolkata', '2026-05-01', 1440))).toBe('2026-05-01T18:30:00.000Z');
    expect(wallClock('Asia/Kolkata', at('2026-05-01T18:30:00Z'))).toEqual({ date: '2026-05-02', minutes: 0 });
  });
});

describe('slot computation', () => {
  it('09:00 local stays 09:00 across the Europe/Berlin transitions (UTC moves by an hour)', () => {
    const slots = slotsOf(agent('Europe/Berlin'), '2026-03-27T00:00:00Z', '2026-03-31T00:00:00Z');
    expect(slots).toEqual([
      '2026-03-27T08:00:00.000Z',
      '2026-03-28T08:00:00.000Z',
      '2026-03-29T07:00:00.000Z',
      '2026-03-30T07:00:00.000Z',
    ]);
    const autumn = slotsOf(agent('Europe/Berlin'), '2026-10-24T00:00:00Z', '2026-10-27T00:00:00Z');
    expect(autumn).toEqual([
      '2026-10-24T07:00:00.000Z',
      '2026-10-25T08:00:00.000Z',
      '2026-10-26T08:00:00.000Z',
    ]);
  });

  it('hours spanning the Berlin spring-forward night give the real hours (01:00–05:00 local = 3 h)', () => {
    const night = agent('Europe/Berlin', { weeklyHours: [{ weekday: 7, start: '01:00', end: '05:00' }] });
    expect(slotsOf(night, '2026-03-28T00:00:00Z', '2026-03-30T00:00:00Z')).toEqual([
      '2026-03-29T00:00:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-29T02:00:00.000Z',
    ]);
  });

  it('America/New_York: 09:00 across both transitions; the fall-back night has 4 real hours in 00:00–03:00', () => {
    expect(slotsOf(agent('America/New_York'), '2026-03-06T00:00:00Z', '2026-03-10T00:00:00Z')).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
    ]);
    const night = agent('America/New_York', { weeklyHours: [{ weekday: 7, start: '00:00', end: '03:00' }] });
    expect(slotsOf(night, '2026-10-31T00:00:00Z', '2026-11-02T00:00:00Z')).toEqual([
      '2026-11-01T04:00:00.000Z',
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T07:00:00.000Z',
    ]);
  });

  it('half-hour zones: Asia/Kolkata (+05:30) and Australia/Adelaide across its October change', () => {
    expect(slotsOf(agent('Asia/Kolkata'), '2026-05-01T00:00:00Z', '2026-05-02T00:00:00Z')).toEqual([
      '2026-05-01T03:30:00.000Z',
    ]);
    // Adelaide 2026-10-04 02:00 ACST (+09:30) → 03:00 ACDT (+10:30).
    expect(slotsOf(agent('Australia/Adelaide'), '2026-10-02T00:00:00Z', '2026-10-05T00:00:00Z')).toEqual([
      '2026-10-02T23:30:00.000Z',
      '2026-10-03T22:30:00.000Z',
      '2026-10-04T22:30:00.000Z',
    ]);
  });

  it('several ranges per day minus breaks; days off; extra dates', () => {
    const a = agent('UTC', {
      weeklyHours: [
        { weekday: 1, start: '08:00', end: '12:00' },
        { weekday: 1, start: '13:00', end: '15:00' },
      ],
      breaks: [{ weekday: 1, start: '10:00', end: '11:00' }],
      datesOff: ['2026-06-15'],
      extraDates: [{ date: '2026-06-13', start: '10:00', end: '12:00' }],
    });
    expect(workingMinutes(a, '2026-06-08')).toEqual([
      [480, 600],
      [660, 720],
      [780, 900],
    ]);
    expect(workingMinutes(a, '2026-06-15')).toEqual([]);
    expect(slotsOf(a, '2026-06-08T00:00:00Z', '2026-06-16T00:00:00Z').map((s) => s.slice(5, 16))).toEqual([
      '06-08T08:00',
      '06-08T09:00',
      '06-08T11:00',
      '06-08T13:00',
      '06-08T14:00',
      '06-13T10:00',
      '06-13T11:00',
    ]);
  });

  it('buffers keep a slot from touching a busy range; half-open ranges may meet', () => {
    const a = agent('UTC', { weeklyHours: [{ weekday: 1, start: '08:00', end: '14:00' }] });
    const busy = [{ from: '2026-06-08T10:00:00Z', to: '2026-06-08T11:00:00Z' }];
    const plain = slotsOf(a, '2026-06-08T00:00:00Z', '2026-06-09T00:00:00Z', hourly, busy);
    expect(plain.map((s) => s.slice(11, 16))).toEqual(['08:00', '09:00', '11:00', '12:00', '13:00']);
    const buffered = slotsOf(
      a,
      '2026-06-08T00:00:00Z',
      '2026-06-09T00:00:00Z',
      {
        ...hourly,
        bufferBeforeMinutes: 15,
        bufferAfterMinutes: 30,
      },
      busy,
    );
    // 09:00 would end 10:00 + 30 min after → overlaps; 11:00 starts 10:45 − before → overlaps.
    expect(buffered.map((s) => s.slice(11, 16))).toEqual(['08:00', '12:00', '13:00']);
  });

  it('minimum notice and maximum days ahead count from now; steps smaller than the duration', () => {
    const a = agent('UTC', {
      weeklyHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '09:00', end: '11:00' })),
    });
    const rules = { ...hourly, slotStepMinutes: 30, minNoticeMinutes: 24 * 60, maxDaysAhead: 3 };
    const out = computeSlots([a], [], rules, {
      from: at('2026-06-01T00:00:00Z'),
      to: at('2026-06-30T00:00:00Z'),
      now: at('2026-06-01T09:15:00Z'),
    }).map((s) => iso(s.start).slice(5, 16));
    expect(out).toEqual([
      '06-02T09:30',
      '06-02T10:00',
      '06-03T09:00',
      '06-03T09:30',
      '06-03T10:00',
      '06-04T09:00',
    ]);
  });

  it('several agents: ordered by start, then agent; limit', () => {
    const a = { ...agent('UTC'), agentId: 'b' };
    const b = { ...agent('Europe/Berlin'), agentId: 'a' };
    const out = computeSlots([a, b], [], hourly, {
      from: at('2026-06-08T00:00:00Z'),
      to: at('2026-06-09T00:00:00Z'),
      now: at('2026-06-01T00:00:00Z'),
    });
    expect(out.map((s) => [s.agentId, iso(s.start), s.timeZone])).toEqual([
      ['a', '2026-06-08T07:00:00.000Z', 'Europe/Berlin'],
      ['b', '2026-06-08T09:00:00.000Z', 'UTC'],
    ]);
    expect(
      computeSlots(
        [a, b],
        [],
        hourly,
        { from: at('2026-06-08T00:00:00Z'), to: at('2026-06-09T00:00:00Z'), now: at('2026-06-01T00:00:00Z') },
        1,
      ),
    ).toHaveLength(1);
  });
});
