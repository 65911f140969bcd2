import { z } from 'zod';
import { eventType } from '../events/index.ts';
import { isoDateTime, uuid, version } from '../primitives.ts';
import { listQuery } from '../records.ts';

/** Outgoing webhooks (issue #8 point 4): subscriptions, deliveries and their log. */

/** A subscriber URL: http(s) only, no credentials in it, at most 2,000 characters. */
export const webhookUrl = z
  .url({ protocol: /^https?$/, hostname: z.regexes.hostname })
  .max(2000)
  .refine((u) => !/^[a-z]+:\/\/[^/]*@/i.test(u), 'Must not contain user:password@');

const description = z.string().trim().max(500);

export const webhookSubscriptionSchema = z.object({
  id: uuid,
  url: z.string(),
  eventTypes: z.array(eventType),
  active: z.boolean(),
  description: z.string().nullable(),
  /** Why the subscription was switched off by the system (persistent failures); null otherwise. */
  disabledReason: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  /** True while a rotated-out secret is still used as a second signature. */
  rotating: z.boolean(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type WebhookSubscription = z.infer<typeof webhookSubscriptionSchema>;

/** Create and rotate answer with the secret, shown this once (`whsec_<base64>`). */
export const webhookSubscriptionWithSecretSchema = webhookSubscriptionSchema.extend({ secret: z.string() });

export const webhookSubscriptionCreateInput = z.strictObject({
  url: webhookUrl,
  eventTypes: z.array(eventType).min(1).max(100),
  description: description.optional(),
  active: z.boolean().optional(),
});
export type WebhookSubscriptionCreateInput = z.input<typeof webhookSubscriptionCreateInput>;

export const webhookSubscriptionUpdateInput = z.strictObject({
  url: webhookUrl.optional(),
  eventTypes: z.array(eventType).min(1).max(100).optional(),
  description: description.nullable().optional(),
  active: z.boolean().optional(),
  version,
});
export type WebhookSubscriptionUpdateInput = z.input<typeof webhookSubscriptionUpdateInput>;

/** Rotation: the previous secret keeps signing (a second signature) for `graceHours` (0–72, default 24). */
export const webhookRotateInput = z.strictObject({ graceHours: z.number().int().min(0).max(72).optional() });

export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'dead'] as const;
export const webhookDeliveryStatus = z.enum(WEBHOOK_DELIVERY_STATUSES);

export const webhookDeliverySchema = z.object({
  id: uuid,
  subscriptionId: uuid,
  eventId: uuid,
  eventType: z.string(),
  status: webhookDeliveryStatus,
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  durationMs: z.number().int().nullable(),
  /** The first 2 KB of the last response body (or the connection error). */
  responseBody: z.string().nullable(),
  error: z.string().nullable(),
  nextAttemptAt: isoDateTime.nullable(),
  deliveredAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

export const webhookDeliveryListQuery = listQuery.extend({
  subscriptionId: uuid.optional(),
  status: webhookDeliveryStatus.optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});

/** Replays every failed or dead delivery of a subscription created in [from, to). */
export const webhookReplayInput = z.strictObject({ from: isoDateTime, to: isoDateTime });
export const webhookReplayResultSchema = z.object({ replayed: z.number().int() });
