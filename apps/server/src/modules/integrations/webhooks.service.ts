import type {
  Pagination,
  WebhookDelivery,
  WebhookSubscription,
  WebhookSubscriptionCreateInput,
  WebhookSubscriptionUpdateInput,
  webhookDeliveryListQuery,
} from '@tessera/contracts';
import { and, desc, eq, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { diffChanges, writeAudit } from '../../platform/audit/index.ts';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import { newId } from '../../platform/db/columns.ts';
import { type Tx, withTenant } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { decodeCursor, invalidCursor, toPage } from '../../platform/http/pagination.ts';
import { newWebhookSecret } from './signing.ts';
import { checkTargetUrl } from './ssrf-guard.ts';
import { webhookDeliveries, webhookSubscriptions } from './tables.ts';
import { wakeDeliveries } from './webhook-wakeup.ts';
import { webhookBody } from './webhooks.consumer.ts';

type SubRow = typeof webhookSubscriptions.$inferSelect;
type DeliveryRow = typeof webhookDeliveries.$inferSelect;
const iso = (d: Date | null) => d?.toISOString() ?? null;

const toSubscription = (r: SubRow, now = new Date()): WebhookSubscription =>
  ({
    id: r.id,
    url: r.url,
    eventTypes: r.eventTypes,
    active: r.active,
    description: r.description,
    disabledReason: r.disabledReason,
    consecutiveFailures: r.consecutiveFailures,
    rotating: r.previousSecret !== null && (r.previousSecretUntil ?? now) > now,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  }) as WebhookSubscription;

const toDelivery = (r: DeliveryRow): WebhookDelivery => ({
  id: r.id,
  subscriptionId: r.subscriptionId,
  eventId: r.eventId,
  eventType: r.eventType,
  status: r.status,
  attempts: r.attempts,
  responseStatus: r.responseStatus,
  durationMs: r.durationMs,
  responseBody: r.responseBody,
  error: r.error,
  nextAttemptAt: iso(r.nextAttemptAt),
  deliveredAt: iso(r.deliveredAt),
  createdAt: r.createdAt.toISOString(),
});

/** Runs `fn` in the caller's tenant transaction. */
const inScope = <T>(ctx: AuthedContext, fn: (tx: Tx) => Promise<T>) =>
  withTenant(ctx.database, ctx.tenantId, fn, ctx.userId);

/** A URL that is an IP literal or `localhost` in a refused range is a 400 at once (host names: per attempt). */
const assertUrl = (ctx: AuthedContext & { allowPrivate?: boolean }, url: string) => {
  try {
    checkTargetUrl(url, ctx.allowPrivate ?? false);
  } catch (err) {
    throw new AppError('VALIDATION_ERROR', 'This URL may not receive webhooks', {
      details: [{ path: 'body.url', message: (err as Error).message }],
    });
  }
};

const findSub = async (tx: Tx, ctx: AuthedContext, id: string): Promise<SubRow> => {
  const [row] = await tx
    .select()
    .from(webhookSubscriptions)
    .where(and(eq(webhookSubscriptions.tenantId, ctx.tenantId), eq(webhookSubscriptions.id, id)));
  if (!row) throw notFound('Webhook subscription');
  return row;
};

export type WebhookCtx = AuthedContext & { allowPrivate?: boolean };

export const listSubscriptions = (ctx: AuthedContext) =>
  inScope(ctx, async (tx) =>
    (
      await tx
        .select()
        .from(webhookSubscriptions)
        .where(eq(webhookSubscriptions.tenantId, ctx.tenantId))
        .orderBy(webhookSubscriptions.id)
        .limit(500)
    ).map((r) => toSubscription(r)),
  );

export const getSubscription = (ctx: AuthedContext, id: string) =>
  inScope(ctx, async (tx) => toSubscription(await findSub(tx, ctx, id)));

/** Creates a subscription; the answer carries its secret, this once. */
export const createSubscription = (ctx: WebhookCtx, input: WebhookSubscriptionCreateInput) => {
  assertUrl(ctx, input.url);
  return inScope(ctx, async (tx) => {
    const secret = newWebhookSecret();
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({
        tenantId: ctx.tenantId,
        url: input.url,
        eventTypes: [...new Set(input.eventTypes)],
        description: input.description ?? null,
        active: input.active ?? true,
        secret,
      })
      .returning();
    const sub = toSubscription(row as SubRow);
    await writeAudit(tx, ctx, {
      action: 'webhook.created',
      targetType: 'webhook',
      targetId: sub.id,
      changes: diffChanges(null, { url: sub.url, eventTypes: sub.eventTypes, active: sub.active }),
    });
    return { ...sub, secret };
  });
};

const stale = (row: SubRow) =>
  new AppError('CONFLICT', 'The subscription was changed by someone else', {
    details: { current: toSubscription(row) },
  });

export const updateSubscription = (ctx: WebhookCtx, id: string, input: WebhookSubscriptionUpdateInput) => {
  if (input.url !== undefined) assertUrl(ctx, input.url);
  return inScope(ctx, async (tx) => {
    const row = await findSub(tx, ctx, id);
    if (row.version !== input.version) throw stale(row);
    const reactivated = input.active === true && !row.active;
    const [updated] = await tx
      .update(webhookSubscriptions)
      .set({
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.eventTypes ? { eventTypes: [...new Set(input.eventTypes)] } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
        ...(reactivated ? { disabledReason: null, consecutiveFailures: 0 } : {}),
        version: sql`${webhookSubscriptions.version} + 1`,
      })
      .where(and(eq(webhookSubscriptions.id, id), eq(webhookSubscriptions.version, input.version)))
      .returning();
    if (!updated) throw stale(row);
    const fields = ['url', 'eventTypes', 'description', 'active'] as const;
    await writeAudit(tx, ctx, {
      action: 'webhook.updated',
      targetType: 'webhook',
      targetId: id,
      changes: diffChanges<Partial<SubRow>>(row, updated, [...fields]),
    });
    return toSubscription(updated);
  });
};

export const deleteSubscription = (ctx: AuthedContext, id: string) =>
  inScope(ctx, async (tx) => {
    const row = await findSub(tx, ctx, id);
    await tx.delete(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
    await writeAudit(tx, ctx, {
      action: 'webhook.deleted',
      targetType: 'webhook',
      targetId: id,
      changes: diffChanges(null, { url: row.url }),
    });
  });

/** New secret (shown once); the old one keeps signing as a second signature for `graceHours`. */
export const rotateSecret = (ctx: AuthedContext, id: string, graceHours = 24) =>
  inScope(ctx, async (tx) => {
    const row = await findSub(tx, ctx, id);
    const secret = newWebhookSecret();
    const [updated] = await tx
      .update(webhookSubscriptions)
      .set({
        secret,
        previousSecret: graceHours > 0 ? row.secret : null,
        previousSecretUntil: graceHours > 0 ? new Date(Date.now() + graceHours * 3_600_000) : null,
        version: sql`${webhookSubscriptions.version} + 1`,
      })
      .where(eq(webhookSubscriptions.id, id))
      .returning();
    await writeAudit(tx, ctx, { action: 'webhook.secret_rotated', targetType: 'webhook', targetId: id });
    return { ...toSubscription(updated as SubRow), secret };
  });

/** Queues a `webhook.test` delivery to this subscription (active or not), attempted by the next sweep or job. */
export const sendTestEvent = (ctx: AuthedContext, id: string) =>
  inScope(ctx, async (tx) => {
    await findSub(tx, ctx, id);
    const eventId = newId();
    const body = webhookBody({
      id: eventId,
      type: 'webhook.test',
      createdAt: new Date(),
      tenantId: ctx.tenantId,
      data: { message: 'A test event from Tessera' },
    });
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({
        tenantId: ctx.tenantId,
        subscriptionId: id,
        eventId,
        eventType: 'webhook.test',
        body,
        nextAttemptAt: new Date(),
      })
      .returning();
    await wakeDeliveries(tx, ctx.tenantId, [(row as DeliveryRow).id]);
    return toDelivery(row as DeliveryRow);
  });

const cursorId = (cursor: string) => {
  const parsed = z.tuple([z.guid()]).safeParse(decodeCursor(cursor));
  if (!parsed.success) throw invalidCursor();
  return parsed.data[0];
};

export const listDeliveries = (
  ctx: AuthedContext,
  query: z.output<typeof webhookDeliveryListQuery>,
): Promise<{ items: WebhookDelivery[]; pagination: Pagination }> =>
  inScope(ctx, async (tx) => {
    const where: (SQL | undefined)[] = [
      eq(webhookDeliveries.tenantId, ctx.tenantId),
      query.subscriptionId ? eq(webhookDeliveries.subscriptionId, query.subscriptionId) : undefined,
      query.status ? eq(webhookDeliveries.status, query.status) : undefined,
      query.from ? gte(webhookDeliveries.createdAt, new Date(query.from)) : undefined,
      query.to ? lt(webhookDeliveries.createdAt, new Date(query.to)) : undefined,
      query.cursor ? lt(webhookDeliveries.id, cursorId(query.cursor)) : undefined,
    ];
    const rows = await tx
      .select()
      .from(webhookDeliveries)
      .where(and(...where))
      .orderBy(desc(webhookDeliveries.id))
      .limit(query.limit + 1);
    const { items, pagination } = toPage(rows, query.limit, (r) => [r.id]);
    return { items: items.map(toDelivery), pagination };
  });

const requeue = { status: 'pending' as const, attempts: 0, error: null };

/** Replays one delivery (any status but pending): attempts start again from the schedule's beginning. */
export const replayDelivery = (ctx: AuthedContext, id: string) =>
  inScope(ctx, async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ ...requeue, nextAttemptAt: new Date() })
      .where(and(eq(webhookDeliveries.tenantId, ctx.tenantId), eq(webhookDeliveries.id, id)))
      .returning();
    if (!row) throw notFound('Webhook delivery');
    await wakeDeliveries(tx, ctx.tenantId, [row.id]);
    return toDelivery(row);
  });

/** Replays every failed or dead delivery of one subscription created in [from, to). */
export const replayFailed = (
  ctx: AuthedContext,
  subscriptionId: string,
  range: { from: string; to: string },
) =>
  inScope(ctx, async (tx) => {
    await findSub(tx, ctx, subscriptionId);
    const rows = await tx
      .update(webhookDeliveries)
      .set({ ...requeue, nextAttemptAt: new Date() })
      .where(
        and(
          eq(webhookDeliveries.tenantId, ctx.tenantId),
          eq(webhookDeliveries.subscriptionId, subscriptionId),
          inArray(webhookDeliveries.status, ['failed', 'dead']),
          gte(webhookDeliveries.createdAt, new Date(range.from)),
          lt(webhookDeliveries.createdAt, new Date(range.to)),
        ),
      )
      .returning({ id: webhookDeliveries.id });
    await wakeDeliveries(
      tx,
      ctx.tenantId,
      rows.map((r) => r.id),
    );
    return { replayed: rows.length };
  });
