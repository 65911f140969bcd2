import {
  idParams,
  webhookDeliveryListQuery,
  webhookDeliverySchema,
  webhookReplayInput,
  webhookReplayResultSchema,
  webhookRotateInput,
  webhookSubscriptionCreateInput,
  webhookSubscriptionSchema,
  webhookSubscriptionUpdateInput,
  webhookSubscriptionWithSecretSchema,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../platform/context/service-context.ts';
import { ok, page } from '../../platform/http/envelope.ts';
import { listReplies, replies } from '../../platform/http/route-schema.ts';
import type { IntegrationsDeps } from './integrations-deps.ts';
import {
  createSubscription,
  deleteSubscription,
  getSubscription,
  listDeliveries,
  listSubscriptions,
  replayDelivery,
  replayFailed,
  rotateSecret,
  sendTestEvent,
  updateSubscription,
} from './webhooks.service.ts';

const base = '/api/v1/webhooks';
const tags = ['webhooks'];
const access = 'webhooks.manage' as const;

/** Outgoing webhooks: subscriptions, secret rotation, test events, the delivery log and replays. */
export const webhookRoutes = async (app: FastifyInstance, deps: IntegrationsDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => ({
    ...authedContext(req, deps.database),
    allowPrivate: deps.allowPrivate,
  });

  r.get(
    `${base}/subscriptions`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Webhook subscriptions',
        response: replies(z.array(webhookSubscriptionSchema)),
      },
    },
    async (req) => ok(await listSubscriptions(ctx(req))),
  );
  r.post(
    `${base}/subscriptions`,
    {
      // No Idempotency-Key replay: it would store the secret with the response.
      config: { access, idempotency: false },
      schema: {
        tags,
        summary: 'Subscribe a URL to event types; `secret` is returned once',
        body: webhookSubscriptionCreateInput,
        response: replies(webhookSubscriptionWithSecretSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await createSubscription(ctx(req), req.body))),
  );
  r.get(
    `${base}/subscriptions/:id`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'One subscription',
        params: idParams,
        response: replies(webhookSubscriptionSchema),
      },
    },
    async (req) => ok(await getSubscription(ctx(req), req.params.id)),
  );
  r.patch(
    `${base}/subscriptions/:id`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change URL, event types, description or active (switching on clears the failure count)',
        params: idParams,
        body: webhookSubscriptionUpdateInput,
        response: replies(webhookSubscriptionSchema),
      },
    },
    async (req) => ok(await updateSubscription(ctx(req), req.params.id, req.body)),
  );
  r.delete(
    `${base}/subscriptions/:id`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Delete a subscription and its delivery log',
        params: idParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await deleteSubscription(ctx(req), req.params.id);
      return ok({ deleted: true as const });
    },
  );
  r.post(
    `${base}/subscriptions/:id/rotate-secret`,
    {
      config: { access, idempotency: false },
      schema: {
        tags,
        summary: 'New secret (returned once); the old one signs too for `graceHours` (default 24)',
        params: idParams,
        body: webhookRotateInput,
        response: replies(webhookSubscriptionWithSecretSchema),
      },
    },
    async (req) => ok(await rotateSecret(ctx(req), req.params.id, req.body.graceHours)),
  );
  r.post(
    `${base}/subscriptions/:id/test`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Send a `webhook.test` event to this URL',
        params: idParams,
        response: replies(webhookDeliverySchema, 202),
      },
    },
    async (req, reply) => reply.code(202).send(ok(await sendTestEvent(ctx(req), req.params.id))),
  );
  r.post(
    `${base}/subscriptions/:id/replay`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Replay every failed or dead delivery created in [from, to)',
        params: idParams,
        body: webhookReplayInput,
        response: replies(webhookReplayResultSchema, 202),
      },
    },
    async (req, reply) => reply.code(202).send(ok(await replayFailed(ctx(req), req.params.id, req.body))),
  );
  r.get(
    `${base}/deliveries`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'The delivery log, newest first (filters: subscription, status, created range)',
        querystring: webhookDeliveryListQuery,
        response: listReplies(webhookDeliverySchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listDeliveries(ctx(req), req.query);
      return page(items, pagination);
    },
  );
  r.post(
    `${base}/deliveries/:id/replay`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Replay one delivery from the first attempt',
        params: idParams,
        response: replies(webhookDeliverySchema, 202),
      },
    },
    async (req, reply) => reply.code(202).send(ok(await replayDelivery(ctx(req), req.params.id))),
  );
};
