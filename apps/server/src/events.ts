import { webhooksConsumer } from './modules/integrations/index.ts';
import { notificationsConsumer } from './modules/notifications/index.ts';
import type { EventConsumer } from './platform/events/index.ts';
import { type RealtimeHub, realtimeConsumer } from './platform/realtime/index.ts';

/**
 * Every consumer of domain events, platform and modules (notifications, sockets, webhooks … join here). The
 * dispatcher in `main.ts` (JOBS_IN_PROCESS) and in `worker.ts` delivers committed events to these. Sockets:
 * `realtime` is the server's hub, or the worker's publish-only hub (through Redis).
 */
export const appConsumers = (deps: { realtime?: RealtimeHub } = {}): readonly EventConsumer[] => [
  notificationsConsumer,
  webhooksConsumer,
  ...(deps.realtime ? [realtimeConsumer(deps.realtime)] : []),
];
