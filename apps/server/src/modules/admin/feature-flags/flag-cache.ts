import {
  type Database,
  type ListenOptions,
  listenForNotifications,
  type NotifyListener,
} from '../../../platform/db/index.ts';

/** Channel the `feature_flags` trigger (migration 0024) announces a tenant's changes on. */
export const FEATURE_FLAGS_CHANNEL = 'tessera_feature_flags';
const MAX_TENANTS = 10_000;

export interface StoredFlag {
  enabled: boolean;
  roleIds: readonly string[];
}
export type TenantFlags = ReadonlyMap<string, StoredFlag>;

/**
 * The stored flags of recently seen tenants, kept until a `tessera_feature_flags` notification (any
 * instance's commit) drops them: a change applies on every instance at once, without restart. Like the
 * principal cache (ADR 0007): nothing is served while the listener is down, `get` first waits for every
 * notification committed before the call, and `fill` refuses a read that raced an invalidation.
 */
export class FlagCache {
  private readonly entries = new Map<string, TenantFlags>();
  private epoch = 0;
  private listener: NotifyListener | undefined;

  async start(database: Database, log: ListenOptions['log']) {
    this.listener = await listenForNotifications({
      database,
      channel: FEATURE_FLAGS_CHANNEL,
      log,
      onMessage: (tenantId) => {
        this.epoch += 1;
        this.entries.delete(tenantId);
      },
      onGap: () => {
        this.epoch += 1;
        this.entries.clear();
      },
    });
  }

  async stop() {
    await this.listener?.close();
    this.entries.clear();
  }

  mark(): number {
    return this.epoch;
  }

  /** `since`: the request's arrival (`performance.now()`); flags committed before it are seen. Default: now. */
  async get(tenantId: string, since?: number): Promise<TenantFlags | undefined> {
    if (!this.listener?.live || !this.entries.has(tenantId)) return undefined;
    try {
      await this.listener.sync(since);
    } catch {
      return undefined;
    }
    return this.listener.live ? this.entries.get(tenantId) : undefined;
  }

  fill(tenantId: string, flags: TenantFlags, markedAt: number) {
    if (!this.listener?.live || markedAt !== this.epoch) return;
    if (this.entries.size >= MAX_TENANTS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(tenantId, flags);
  }
}
