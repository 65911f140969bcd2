import { describe, expect, it } from 'vitest';
import { equalJitterDelay, exponentialDelay, fullJitterDelay, parseRetryAfter } from './backoff';

const options = { baseMs: 300, capMs: 5_000 };

describe('backoff', () => {
  it('doubles from the base up to the cap', () => {
    expect([0, 1, 2, 3, 4, 5, 10].map((n) => exponentialDelay(n, options))).toEqual([
      300, 600, 1200, 2400, 4800, 5000, 5000,
    ]);
  });

  it('full jitter stays in [0, delay) and equal jitter in [delay/2, delay]', () => {
    for (const random of [0, 0.25, 0.999]) {
      for (let attempt = 0; attempt < 8; attempt++) {
        const ceiling = exponentialDelay(attempt, options);
        const full = fullJitterDelay(attempt, options, () => random);
        const equal = equalJitterDelay(attempt, options, () => random);
        expect(full).toBeGreaterThanOrEqual(0);
        expect(full).toBeLessThan(ceiling);
        expect(equal).toBeGreaterThanOrEqual(ceiling / 2);
        expect(equal).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('parses Retry-After seconds and HTTP dates', () => {
    const now = Date.parse('2030-01-01T00:00:00Z');
    expect(parseRetryAfter('3', now)).toBe(3_000);
    expect(parseRetryAfter('Tue, 01 Jan 2030 00:00:10 GMT', now)).toBe(10_000);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
