import { CSRF_COOKIE } from '@tessera/contracts';
import { getCsrfTokenFromStore } from '../stores/session-store';

/** Reads the double-submit CSRF cookie (plain or `__Host-` prefixed) when it is readable by scripts. */
export function readCsrfCookie(cookie: string = typeof document === 'undefined' ? '' : document.cookie) {
  for (const part of cookie.split(';')) {
    const [rawName, ...rest] = part.trim().split('=');
    if (rawName === CSRF_COOKIE || rawName === `__Host-${CSRF_COOKIE}`) {
      return decodeURIComponent(rest.join('='));
    }
  }
  return null;
}

/**
 * The token for `x-csrf-token`: the one from the last session response (session store). When the server's
 * double-submit cookie is readable it wins, because it is always the latest one — e.g. after another tab
 * signed in again and replaced this browser's session.
 */
export function currentCsrfToken(): string | null {
  return readCsrfCookie() ?? getCsrfTokenFromStore();
}
