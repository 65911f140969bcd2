import { AppError } from '../../../platform/http/app-error.ts';

type PgError = { code?: string; constraint?: string; message?: string; cause?: unknown };

/** The SQLSTATE, constraint and message of a database error (Drizzle wraps it in `cause`). */
const pgError = (err: unknown): PgError | undefined => {
  for (
    let e = err as PgError | undefined, depth = 0;
    e && depth < 5;
    e = e.cause as PgError | undefined, depth++
  )
    if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) return e;
  return undefined;
};

const has = (e: PgError, name: string) => e.constraint === name || String(e.message).includes(name);

/**
 * The database's sales rules as API answers: a fixed document (trigger) and an overpayment (check) are 409s,
 * dates out of order a 400. Anything else is rethrown.
 */
export const salesRuleViolation = (err: unknown): never => {
  const e = pgError(err);
  if (e?.code === '55000' && has(e, 'sales_document_immutable'))
    throw new AppError(
      'CONFLICT',
      'This document is no longer a draft: it cannot be changed (void it or issue a credit note)',
    );
  if (e?.code === '23514' && has(e, 'sales_documents_no_overpayment'))
    throw new AppError('CONFLICT', 'This is more than the open balance of the invoice', {
      details: [{ path: 'body.amountCents', message: 'More than the open balance' }],
    });
  if (e?.code === '23514' && has(e, 'sales_documents_dates'))
    throw new AppError('VALIDATION_ERROR', 'The due date cannot be before the issue date', {
      details: [{ path: 'body.dueDate', message: 'Before the issue date' }],
    });
  if (e?.code === '23505' && has(e, 'sales_documents_number_key'))
    throw new AppError('CONFLICT', 'This number is already used; try again');
  throw err;
};
