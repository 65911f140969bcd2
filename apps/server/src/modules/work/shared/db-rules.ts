import { AppError } from '../../../platform/http/app-error.ts';

type PgError = { code?: string; constraint?: string; message?: string; cause?: unknown };

/** The constraint (or trigger rule, raised with CONSTRAINT = name) a database error names, if any. */
export const violatedRule = (err: unknown): string | undefined => {
  for (let e = err as PgError | undefined, depth = 0; e && depth < 5; e = e.cause as PgError, depth++) {
    if (typeof e.code === 'string' && e.code.startsWith('23')) {
      if (e.constraint) return e.constraint;
      const named = /\(([a-z_]+)\)$|constraint "([a-z_]+)"/.exec(String(e.message));
      if (named) return named[1] ?? named[2];
    }
  }
  return undefined;
};

/**
 * Turns the rules the database holds (checks, unique and foreign keys, trigger rules) into the API's errors:
 * `rules` maps a constraint name to the error; anything else is rethrown unchanged.
 */
export const dbRules =
  (rules: Record<string, () => AppError>) =>
  (err: unknown): never => {
    const rule = violatedRule(err);
    const make = rule ? rules[rule] : undefined;
    throw make ? make() : err;
  };

export const conflictOn = (message: string, path?: string) => () =>
  new AppError('CONFLICT', message, path ? { details: [{ path, message }] } : undefined);
export const invalidOn = (message: string, path: string) => () =>
  new AppError('VALIDATION_ERROR', message, { details: [{ path, message }] });
