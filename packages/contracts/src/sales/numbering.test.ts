import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, numberPeriod } from './numbering.ts';
import { numberPattern } from './settings.ts';

describe('document numbers', () => {
  it('formats the pattern with the date and the zero-padded sequence', () => {
    expect(formatDocumentNumber('INV-{YYYY}-{SEQ:5}', '2026-03-01', 42)).toBe('INV-2026-00042');
    expect(formatDocumentNumber('{YY}{MM}/{SEQ}', '2026-03-01', 7)).toBe('2603/7');
    expect(formatDocumentNumber('Q{SEQ:3}', '2026-03-01', 12345)).toBe('Q12345');
  });

  it('restarts per year, per month, or never, as the pattern shows', () => {
    expect(numberPeriod('INV-{YYYY}-{SEQ:5}', '2026-03-01')).toBe('2026');
    expect(numberPeriod('INV-{YY}{MM}-{SEQ}', '2026-03-01')).toBe('2026-03');
    expect(numberPeriod('INV-{SEQ:6}', '2026-03-01')).toBe('all');
  });

  it('accepts patterns with exactly one sequence and safe characters', () => {
    expect(numberPattern.safeParse('INV-{YYYY}-{SEQ:5}').success).toBe(true);
    for (const bad of ['INV-{YYYY}', '{SEQ}{SEQ}', 'INV<{SEQ}>', '{SEQ:10}', `${'x'.repeat(60)}{SEQ}`])
      expect(numberPattern.safeParse(bad).success, bad).toBe(false);
  });
});
