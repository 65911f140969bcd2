import { and, eq, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { type Database, type Tx, withTenant } from '../../platform/db/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { membersWithPermission } from '../identity/index.ts';
import { type PostResult, safePost } from './safe-post.ts';
import { webhookHeaders } from './signing.ts';
import { webhookDeliveries, webhookSubscriptions } from './tables.ts';

/** Seconds to wait before attempt n+1 after n failed attempts: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
export const RETRY_SCHEDULE_SECONDS = [0, 5, 300, 1800, 7200, 18000, 36000, 36000] as const;
/** Consecutive dead deliveries after which a subscription is switched off and its tenant's admins told. */
export const DISABLE_AFTER_DEAD = 3;
/** How long a claimed attempt holds its delivery (another worker will not start it meanwhile). */
const LEASE_SECONDS = 120;

/** ±10 % jitter so that retries of many deliveries do not arrive together. */
export const withJitter = (seconds: number, random = Math.random()): number =>
  Math.round(seconds * (0.9 + 0.2 * random));

/** How one attempt ended, for metrics: 2xx, failed (will retry), dead (last attempt), refused (SSRF guard). */
export type DeliveryAttemptOutcome = 'success' | 'failed' | 'dead' | 'refused';
/** Told of every attempt that POSTed or was refused (not of claims that found nothing due); must not throw. */
export type DeliveryAttemptObserver = (outcome: DeliveryAttemptOutcome) => void;

export interface DeliveryDeps {
  database: Database;
  log: Logger;
  allowPrivate: boolean;
  now?: () => Date;
  onAttempt?: DeliveryAttemptObserver;
}

export type AttemptOutcome =
  | { status: 'skipped' }
  | { status: 'delivered' | 'dead' | 'failed'; responseStatus: number | null }
  | { status: 'pending'; retryInSeconds: number; responseStatus: number | null };

const addSeconds = (d: Date, s: number) => new Date(d.getTime() + s * 1000);

/** Takes a due pending delivery for one attempt (the lease stops a second worker), with its subscription. */
const claim = (tx: Tx, deliveryId: string, now: Date) =>
  tx
    .update(webhookDeliveries)
    .set({ nextAttemptAt: addSeconds(now, LEASE_SECONDS), attempts: sql`${webhookDeliveries.attempts} + 1` })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.status, 'pending'),
        lte(webhookDeliveries.nextAttemptAt, now),
      ),
    )
    .returning()
    .then(async ([delivery]) => {
      if (!delivery) return undefined;
      const [subscription] = await tx
        .select()
        .from(webhookSubscriptions)
        .where(eq(webhookSubscriptions.id, delivery.subscriptionId));
      return subscription ? { delivery, subscription } : undefined;
    });

/**
 * One delivery attempt: claim the delivery, POST the stored body signed with the current (and, while
 * rotating, the previous) secret, and record the outcome — delivered on a 2xx, else the next attempt per the
 * schedule, or dead after the last one. Safe to call at any time (only due, pending deliveries are attempted).
 */
export const attemptDelivery = async (
  deps: DeliveryDeps,
  tenantId: string,
  deliveryId: string,
): Promise<AttemptOutcome> => {
  const now = deps.now?.() ?? new Date();
  const claimed = await withTenant(deps.database, tenantId, (tx) => claim(tx, deliveryId, now));
  if (!claimed) return { status: 'skipped' };
  const { delivery, subscription } = claimed;
  let result: PostResult;
  if (!subscription.active) {
    result = { status: null, body: null, error: 'subscription is disabled', durationMs: 0 };
  } else {
    const secrets = [subscription.secret];
    if (subscription.previousSecret && (subscription.previousSecretUntil ?? now) > now)
      secrets.push(subscription.previousSecret);
    const headers = webhookHeaders(
      secrets,
      delivery.eventId,
      Math.floor(now.getTime() / 1000),
      delivery.body,
    );
    result = await safePost(subscription.url, delivery.body, headers, { allowPrivate: deps.allowPrivate });
  }
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const last = delivery.attempts >= RETRY_SCHEDULE_SECONDS.length || !subscription.active;
  const retryIn = ok || last ? 0 : withJitter(RETRY_SCHEDULE_SECONDS[delivery.attempts] ?? 0);
  const status = ok ? 'delivered' : last ? (subscription.active ? 'dead' : 'failed') : 'pending';
  await withTenant(deps.database, tenantId, async (tx) => {
    await tx
      .update(webhookDeliveries)
      .set({
        status,
        responseStatus: result.status,
        responseBody: result.body,
        error: result.error,
        durationMs: result.durationMs,
        nextAttemptAt: status === 'pending' ? addSeconds(now, retryIn) : null,
        deliveredAt: ok ? now : null,
      })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (ok && subscription.consecutiveFailures > 0)
      await tx
        .update(webhookSubscriptions)
        .set({ consecutiveFailures: 0 })
        .where(eq(webhookSubscriptions.id, subscription.id));
    if (status === 'dead') await countDead(tx, subscription);
  });
  deps.log.info({ deliveryId, status, responseStatus: result.status }, 'webhook delivery attempt');
  if (subscription.active) deps.onAttempt?.(attemptOutcome(status, result));
  if (status === 'pending') return { status, retryInSeconds: retryIn, responseStatus: result.status };
  return { status, responseStatus: result.status };
};

const attemptOutcome = (status: string, result: PostResult): DeliveryAttemptOutcome => {
  if (status === 'delivered') return 'success';
  if (result.error?.startsWith('refused:')) return 'refused';
  return status === 'dead' ? 'dead' : 'failed';
};

/** A dead delivery counts against its subscription; too many in a row switch it off and tell the admins. */
const countDead = async (tx: Tx, subscription: typeof webhookSubscriptions.$inferSelect) => {
  const failures = subscription.consecutiveFailures + 1;
  const disable = failures >= DISABLE_AFTER_DEAD;
  await tx
    .update(webhookSubscriptions)
    .set({
      consecutiveFailures: failures,
      ...(disable
        ? { active: false, disabledReason: `${failures} deliveries in a row failed every attempt` }
        : {}),
    })
    .where(eq(webhookSubscriptions.id, subscription.id));
  if (!disable) return;
  for (const admin of await membersWithPermission(tx, subscription.tenantId, 'webhooks.manage'))
    await queueMail(tx, {
      to: admin.email,
      subject: 'A webhook subscription was disabled',
      text: `Tessera stopped sending webhooks to ${subscription.url}: ${failures} deliveries in a row failed every attempt. Fix the receiver, then switch the subscription on again and replay the failed deliveries in Settings → Webhooks.`,
      tenantRef: subscription.tenantId,
    });
};
