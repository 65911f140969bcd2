import { type ErrorCode, errorStatus } from '@tessera/contracts';

/** The one error type services throw. The error handler turns it into the contract's error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly details?: unknown;
  readonly headers?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message: string,
    options?: { details?: unknown; headers?: Record<string, string> },
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.statusCode = errorStatus[code];
    this.details = options?.details;
    this.headers = options?.headers;
  }
}

/** The one 404 of a missing (or invisible: another tenant's, out of scope) thing; `path` names the input field. */
export const notFound = (what = 'Resource', path?: string) =>
  new AppError(
    'NOT_FOUND',
    `${what} not found`,
    path ? { details: [{ path, message: 'Not found' }] } : undefined,
  );
