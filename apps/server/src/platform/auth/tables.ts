import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Sign-in throttling counters (ADR 0006), keyed by the SHA-256 of the e-mail — never by user id, so an
 * unknown e-mail is counted exactly like a real one. Keys: `p:<email hash>:<client address>` (the pair),
 * `a:<email hash>` (the account from anywhere), `k:<email hash>:<client address>` (an address that signed in
 * successfully: the account holder's usual device). Owner connection only (no access for the app role).
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull().defaultNow(),
  blockedUntil: timestamp('blocked_until', { withTimezone: true }),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
});
