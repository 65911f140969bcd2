type PgError = { code?: string; constraint?: string; message?: string; cause?: unknown };

/**
 * Whether `err` (possibly wrapped by Drizzle in `cause`) is a unique violation (SQLSTATE 23505) of the named
 * constraint or index. PGlite and node-postgres both expose `code` and `constraint`.
 */
export const isUniqueViolation = (err: unknown, constraint: string): boolean => {
  for (
    let e = err as PgError | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as PgError | undefined, depth++
  ) {
    if (e.code === '23505') return e.constraint === constraint || String(e.message).includes(constraint);
  }
  return false;
};

/** Whether `err` (possibly wrapped in `cause`) is an exclusion-constraint violation (SQLSTATE 23P01) of the named constraint. */
export const isExclusionViolation = (err: unknown, constraint: string): boolean => {
  for (
    let e = err as PgError | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as PgError | undefined, depth++
  ) {
    if (e.code === '23P01') return e.constraint === constraint || String(e.message).includes(constraint);
  }
  return false;
};

type PgDeadlock = PgError & { where?: string };

/**
 * Whether `err` (possibly wrapped in `cause`) is a deadlock (SQLSTATE 40P01) that PostgreSQL detected while
 * checking an exclusion constraint of `relation`. Two transactions inserting overlapping rows at the same
 * moment each find the other's uncommitted row and wait for the other one; PostgreSQL aborts one of them.
 * For the aborted one this is the same answer as a plain exclusion violation — the other row wins — so callers
 * treat it like `isExclusionViolation`. node-postgres carries the context line
 * (`while checking exclusion constraint on tuple (0,3) in relation "appointments"`) in `where`; PGlite has a
 * single connection and never deadlocks.
 */
export const isExclusionDeadlock = (err: unknown, relation: string): boolean => {
  for (
    let e = err as PgDeadlock | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as PgDeadlock | undefined, depth++
  ) {
    if (e.code === '40P01') {
      const where = String(e.where ?? '');
      return where.includes('exclusion constraint') && where.includes(`relation "${relation}"`);
    }
  }
  return false;
};

/** SQLSTATEs of a database that is going away or not there: shutdown (57P01–57P03), connection (08xxx), too many clients. */
const UNAVAILABLE_STATES = /^(57P0[123]|08...|53300)$/;
const UNAVAILABLE_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Client was closed and is not queryable|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * Whether `err` (possibly wrapped by Drizzle in `cause`, or an AggregateError of connection attempts) means the
 * database is unavailable rather than the query being wrong: the answer is 503 + Retry-After, not 500.
 */
export const isDatabaseUnavailable = (err: unknown): boolean => {
  const seen = new Set<unknown>();
  const visit = (e: unknown, depth: number): boolean => {
    if (!e || typeof e !== 'object' || depth > 6 || seen.has(e)) return false;
    seen.add(e);
    const x = e as PgError & { errors?: unknown[] };
    if (typeof x.code === 'string' && (UNAVAILABLE_STATES.test(x.code) || UNAVAILABLE_CODES.has(x.code)))
      return true;
    if (UNAVAILABLE_MESSAGE.test(String(x.message ?? ''))) return true;
    return visit(x.cause, depth + 1) || (x.errors ?? []).some((inner) => visit(inner, depth + 1));
  };
  return visit(err, 0);
};
