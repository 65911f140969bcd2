import type { Tx } from '../../../platform/db/index.ts';
import { activeMemberDirectory } from '../../identity/index.ts';

/** At most this many people are mentioned (notified) per activity. */
export const MENTIONS_MAX = 20;

const WORD = /[\p{L}\p{N}_@-]/u;

/** A mention ends where the name or address could not go on: the end, a space, punctuation (a final `.`). */
const endsHere = (text: string, at: number) => {
  const c = text[at];
  if (c === undefined) return true;
  if (WORD.test(c)) return false;
  return !(c === '.' && WORD.test(text[at + 1] ?? ''));
};

/**
 * The members named in `body` as `@e-mail` or `@Full Name` (case-insensitive, the whole name or address; the
 * longest match wins, so `@Ann Lee` beats `@Ann`). An `@` inside a word (`x@y`) is not a mention.
 */
export const findMentions = (
  body: string,
  members: readonly { userId: string; name: string; email: string }[],
): string[] => {
  const lower = body.toLowerCase();
  const keys = members
    .flatMap((m) => [
      { key: m.email.toLowerCase(), userId: m.userId },
      { key: m.name.trim().toLowerCase(), userId: m.userId },
    ])
    .filter((k) => k.key.length > 0)
    .sort((a, b) => b.key.length - a.key.length);
  const found = new Set<string>();
  for (let at = lower.indexOf('@'); at !== -1 && found.size < MENTIONS_MAX; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && /[\p{L}\p{N}_.-]/u.test(lower[at - 1] ?? '')) continue;
    const hit = keys.find((k) => lower.startsWith(k.key, at + 1) && endsHere(lower, at + 1 + k.key.length));
    if (hit) found.add(hit.userId);
  }
  return [...found];
};

/** Members mentioned in an activity body, the author excluded. */
export const mentionedIn = async (
  tx: Tx,
  tenantId: string,
  body: string | null | undefined,
  authorId: string | null,
): Promise<string[]> => {
  if (!body?.includes('@')) return [];
  const members = await activeMemberDirectory(tx, tenantId);
  return findMentions(body, members).filter((id) => id !== authorId);
};
