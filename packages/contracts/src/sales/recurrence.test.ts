import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { occurrenceDate, periodDate, upcomingDates } from './recurrence.ts';

describe('recurring schedule arithmetic', () => {
  it('counts months from the start date and clamps to the month end (Jan 31 → Feb 28 → Mar 31)', () => {
    expect(upcomingDates({ unit: 'month', every: 1, startDate: '2026-01-31' }, 0, 4)).toEqual([
      '2026-01-31',
      '2026-02-28',
      '2026-03-31',
      '2026-04-30',
    ]);
    expect(occurrenceDate('2028-01-31', 'month', 1, 1)).toBe('2028-02-29');
    expect(occurrenceDate('2026-11-30', 'month', 3, 1)).toBe('2027-02-28');
    expect(occurrenceDate('2026-01-15', 'month', 12, 2)).toBe('2028-01-15');
  });

  it('adds days and weeks across month and year ends', () => {
    expect(occurrenceDate('2026-12-30', 'day', 3, 1)).toBe('2027-01-02');
    expect(occurrenceDate('2026-02-20', 'week', 2, 1)).toBe('2026-03-06');
    expect(occurrenceDate('2026-03-28', 'day', 1, 2)).toBe('2026-03-30');
  });

  it('ends at the end date (inclusive) or after the count', () => {
    const r = { unit: 'week' as const, every: 1, startDate: '2026-01-01', endDate: '2026-01-15' };
    expect(upcomingDates(r, 0, 10)).toEqual(['2026-01-01', '2026-01-08', '2026-01-15']);
    expect(periodDate({ ...r, endDate: null, maxCount: 2 }, 1)).toBe('2026-01-08');
    expect(periodDate({ ...r, endDate: null, maxCount: 2 }, 2)).toBeNull();
  });

  it('periods are strictly increasing and monthly dates never leave their month', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.constantFrom('day', 'week', 'month' as const),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 60 }),
        (start, unit, every, index) => {
          const s = start.toISOString().slice(0, 10);
          const a = occurrenceDate(s, unit, every, index);
          const b = occurrenceDate(s, unit, every, index + 1);
          expect(a < b).toBe(true);
          if (unit === 'month') {
            const months =
              (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 +
              Number(b.slice(5, 7)) -
              Number(a.slice(5, 7));
            expect(months).toBe(every);
          }
        },
      ),
    );
  });
});
