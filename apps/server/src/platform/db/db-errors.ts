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
