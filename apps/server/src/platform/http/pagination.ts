import type { Pagination } from '@tessera/contracts';
import { z } from 'zod';
import { AppError } from './app-error.ts';

/** Opaque keyset cursor: the sort values of the last row of a page, base64url-encoded JSON. */
export const encodeCursor = (values: readonly (string | number | null)[]): string =>
  Buffer.from(JSON.stringify(values)).toString('base64url');

const cursorValues = z
  .array(z.union([z.string().max(500), z.number(), z.null()]))
  .min(1)
  .max(5);

/** The one error for a cursor the server did not make (or can no longer read): a 400 naming the cursor. */
export const invalidCursor = () =>
  new AppError('VALIDATION_ERROR', 'Invalid cursor', {
    details: [{ path: 'querystring.cursor', message: 'Invalid cursor' }],
  });

/** Decodes a cursor made by `encodeCursor`; anything else is a 400 (never a 500). */
export const decodeCursor = (cursor: string): (string | number | null)[] => {
  try {
    return cursorValues.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch {
    throw invalidCursor();
  }
};

/**
 * Turns `limit + 1` fetched rows into a page: `hasMore` when the extra row exists, and the cursor of the last
 * returned row built by `cursorOf`.
 */
export const toPage = <T>(
  rows: T[],
  limit: number,
  cursorOf: (row: T) => (string | number | null)[],
): { items: T[]; pagination: Pagination } => {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return {
    items,
    pagination: { limit, hasMore, nextCursor: hasMore && last ? encodeCursor(cursorOf(last)) : null },
  };
};
