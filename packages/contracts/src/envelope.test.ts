import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorEnvelope, listEnvelope, successEnvelope } from './envelope.ts';
import { errorCodes, errorStatus } from './errors.ts';

describe('envelopes', () => {
  it('accepts a success and a list envelope, rejects a mismatch', () => {
    expect(
      successEnvelope(z.object({ a: z.number() })).safeParse({ success: true, data: { a: 1 } }).success,
    ).toBe(true);
    expect(
      successEnvelope(z.object({ a: z.number() })).safeParse({ success: true, data: { a: '1' } }).success,
    ).toBe(false);
    const list = listEnvelope(z.string());
    expect(
      list.safeParse({
        success: true,
        data: ['x'],
        pagination: { limit: 25, nextCursor: null, hasMore: false },
      }).success,
    ).toBe(true);
    expect(list.safeParse({ success: true, data: ['x'] }).success).toBe(false);
  });

  it('an error envelope needs a known code and a request id', () => {
    const ok = { success: false, error: { code: 'NOT_FOUND', message: 'x', requestId: 'r' } };
    expect(errorEnvelope.safeParse(ok).success).toBe(true);
    expect(errorEnvelope.safeParse({ ...ok, error: { ...ok.error, code: 'TEAPOT' } }).success).toBe(false);
    expect(errorEnvelope.safeParse({ ...ok, error: { code: 'NOT_FOUND', message: 'x' } }).success).toBe(
      false,
    );
  });

  it('every error code has a 4xx/5xx status', () => {
    for (const code of errorCodes) expect(errorStatus[code]).toBeGreaterThanOrEqual(400);
    expect(errorStatus.VALIDATION_ERROR).toBe(400);
    expect(errorStatus.INTERNAL).toBe(500);
  });
});
