import { describe, expect, it } from 'vitest';
import { formatDuration } from './format';

describe('formatDuration', () => {
  it.each([
    [0, '0s'],
    [42.7, '42s'],
    [60, '1m'],
    [125, '2m 5s'],
    [3_600, '1h'],
    [3_725, '1h 2m'],
    [86_400 + 5, '1d'],
    [93_784, '1d 2h'],
    [-1, '—'],
    [Number.NaN, '—'],
  ])('%s s → %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });
});
