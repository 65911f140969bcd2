import type { Principal } from '../../../platform/access/index.ts';
import {
  type Database,
  type ListenOptions,
  listenForNotifications,
  type NotifyListener,
} from '../../../platform/db/index.ts';

/** Channel the `tessera_notify_principals()` triggers (migration 0012) announce revocations on. */
export const PRINCIPALS_CHANNEL = 'tessera_principals';
const MAX_ENTRIES = 10_000;

/** What a request's principal is built from, minus the per-request parts (CSRF, cookie or header). */
export type CachedPrincipal = Omit<Principal, 'viaCookie' | 'csrfValid'> & {
  /** The session's or key's own end (ms since epoch), checked on every hit; null = no end. */
  endsAt: number | null;
  /** Session: last_seen_at; API key: last_used_at (ms). A hit never extends either. */
  seenAt: number;
};

interface Entry {
  value: CachedPrincipal;
  cachedUntil: number;
}

/**
 * Validated principals by session id (`s:…`) or API-key hash (`k:…`), for at most `ttlMs`. Revocation is
 * immediate: `tessera_principals` notifications drop entries (session, key, member, whole tenant); `get`
 * first waits for every notification committed before the request ({@link NotifyListener.sync}); while the
 * listener is down nothing is served; `fill` refuses a result read before a concurrent invalidation.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, Entry>();
  private epoch = 0;
  private listener: NotifyListener | undefined;
  /** Told of every revocation payload (undefined: anything may have changed), e.g. to re-check open sockets. */
  private readonly watchers = new Set<(payload: string | undefined) => void>();

  private readonly ttlMs: number;

  constructor(ttlMs: number) {
    this.ttlMs = ttlMs;
  }

  get enabled() {
    return this.ttlMs > 0 && this.listener?.live === true;
  }

  /** Also listened to when caching is off: open sockets are re-checked on every revocation. */
  async start(database: Database, log: ListenOptions['log']) {
    this.listener = await listenForNotifications({
      database,
      channel: PRINCIPALS_CHANNEL,
      log,
      onMessage: (payload) => this.invalidate(payload),
      onGap: () => this.clear(),
    });
  }

  async stop() {
    this.watchers.clear();
    await this.listener?.close();
    this.clear();
  }

  watch(fn: (payload: string | undefined) => void) {
    this.watchers.add(fn);
  }

  /** The current epoch: pass it to `fill` after reading the database. */
  mark(): number {
    return this.epoch;
  }

  /** A cached principal that is still valid now, after every earlier-committed revocation has arrived. */
  async get(key: string, since?: number): Promise<CachedPrincipal | undefined> {
    if (!this.enabled || !this.entries.has(key)) return undefined;
    try {
      await this.listener?.sync(since);
    } catch {
      return undefined; // the listener may have missed a revocation: read the database
    }
    const entry = this.entries.get(key);
    if (!entry || !this.enabled) return undefined;
    if (entry.cachedUntil <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  fill(key: string, value: CachedPrincipal, markedAt: number) {
    if (!this.enabled || markedAt !== this.epoch) return;
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, { value, cachedUntil: Date.now() + this.ttlMs });
  }

  invalidate(payload: string) {
    this.epoch += 1;
    this.drop(payload);
    this.tell(payload);
  }

  private drop(payload: string) {
    const [kind, id, userId] = payload.split(':');
    if (kind === 's') {
      this.entries.delete(`s:${id}`);
      return;
    }
    const drop = (v: CachedPrincipal) =>
      kind === 'k'
        ? v.apiKeyId === id
        : kind === 'm'
          ? v.tenantId === id && v.userId === userId
          : kind === 't'
            ? v.tenantId === id
            : true;
    for (const [key, entry] of this.entries) if (drop(entry.value)) this.entries.delete(key);
  }

  clear() {
    this.epoch += 1;
    this.entries.clear();
    this.tell(undefined);
  }

  private tell(payload: string | undefined) {
    for (const fn of this.watchers) fn(payload);
  }
}
