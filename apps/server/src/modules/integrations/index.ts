import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { featureScope } from '../../platform/http/feature-gate.ts';
import { inboundEndpointRoutes, inboundHookRoute } from './inbound.routes.ts';
import type { IntegrationsDeps } from './integrations-deps.ts';
import { webhookRoutes } from './webhooks.routes.ts';

/** Integrations: outgoing webhooks and inbound lead-capture hooks (docs/modules/integrations.md). */
export const integrationRoutes = async (app: FastifyInstance, deps: IntegrationsDeps & { log: Logger }) => {
  featureScope(app, 'integrations');
  await app.register(webhookRoutes, deps);
  await app.register(inboundEndpointRoutes, deps);
  await app.register(inboundHookRoute, deps);
};

export type { DeliveryAttemptObserver, DeliveryAttemptOutcome } from './delivery.ts';
export { webhookJobs } from './webhook-jobs.ts';
export { startWebhookWakeup } from './webhook-wakeup.ts';
export { webhooksConsumer } from './webhooks.consumer.ts';
