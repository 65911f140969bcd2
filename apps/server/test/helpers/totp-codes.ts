import { currentTotp } from '../../src/platform/auth/index.ts';
import { waitFor } from './wait-for.ts';

const PERIOD_MS = 30_000;

/**
 * Three codes of three successive time steps (previous, current, next), all accepted right now (±1 step).
 * A code is good only once and never after a newer one, so a test that signs in several times needs codes
 * of distinct steps. Waits (for state, not a fixed time) until the current step has ≥ 10 s left, so all
 * three stay valid while the test uses them.
 */
export const totpCodes = async (secret: string) => {
  await waitFor(() => Date.now() % PERIOD_MS < PERIOD_MS - 10_000, PERIOD_MS);
  const now = Date.now();
  return {
    previous: currentTotp(secret, now - PERIOD_MS),
    current: currentTotp(secret, now),
    next: currentTotp(secret, now + PERIOD_MS),
  };
};
