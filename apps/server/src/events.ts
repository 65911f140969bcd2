import { webhooksConsumer } from './modules/integrations/index.ts';
import { notificationsConsumer } from './modules/notifications/index.ts';
import type { EventConsumer } from './platform/events/index.ts';

/**
 * Every consumer of domain events, platform and modules (notifications, sockets, webhooks … join here). The
 * dispatcher in `main.ts` (JOBS_IN_PROCESS) and in `worker.ts` delivers committed events to these.
 */
export const appConsumers = (): readonly EventConsumer[] => [notificationsConsumer, webhooksConsumer];
