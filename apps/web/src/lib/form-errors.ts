import { type ContractIssue, issueMessage } from '@tessera/contracts';
import { isApiClientError } from './api-error';

export type Issue = ContractIssue;

/**
 * First message per top-level field from Zod issues (`['email']` → `email`); the rest under `''`. Messages
 * are the contracts' human sentences (`issueMessage`: "Name can be at most 120 characters").
 */
export function issuesToFieldErrors(issues: readonly Issue[], input?: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    errors[key] ??= issueMessage(issue, input === undefined ? {} : { input });
  }
  return errors;
}

/**
 * Field messages from a server `VALIDATION_ERROR` whose `details` are `[{ path: 'body.email', message }]`.
 * Only paths that name one of `fields` are returned; `unmatched` says whether anything was left over.
 */
export function serverFieldErrors(
  error: unknown,
  fields: readonly string[],
): { errors: Record<string, string>; unmatched: boolean } {
  if (!isApiClientError(error) || error.code !== 'VALIDATION_ERROR' || !Array.isArray(error.details)) {
    return { errors: {}, unmatched: true };
  }
  const errors: Record<string, string> = {};
  let unmatched = false;
  for (const detail of error.details as unknown[]) {
    const { path, message } = (detail ?? {}) as { path?: unknown; message?: unknown };
    const segments = typeof path === 'string' ? path.split('.') : [];
    const field = segments[0] === 'body' ? segments[1] : segments[0];
    if (field && fields.includes(field) && typeof message === 'string') errors[field] ??= message;
    else unmatched = true;
  }
  return { errors, unmatched };
}
