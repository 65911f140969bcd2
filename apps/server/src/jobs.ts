import type { Logger } from 'pino';
import { type Config, resolveJwtSecret } from './config/index.ts';
import { compactCrmRollupsJob, crmImportJob } from './modules/crm/index.ts';
import { startWebhookWakeup, webhookJobs } from './modules/integrations/index.ts';
import { dailyDigestJob, tasksDueTodayJob } from './modules/notifications/index.ts';
import { reportEmailsJob } from './modules/reporting/index.ts';
import { salesOverdueJob, salesRecurringJob } from './modules/sales/index.ts';
import { appointmentRemindersJob } from './modules/scheduling/index.ts';
import type { Database } from './platform/db/index.ts';
import { pruneIdempotencyKeysJob } from './platform/http/prune-idempotency-keys.job.ts';
import type { JobDefinition, SendJob } from './platform/jobs/index.ts';
import { createMailTransport, mailJobs } from './platform/mail/index.ts';
import type { Metrics } from './platform/observability/metrics.ts';

/**
 * Every background job of the application, platform and modules. `main.ts` and `worker.ts` run these, with
 * their process's metrics (webhook delivery attempts).
 */
export const appJobs = (config: Config, log: Logger, metrics?: Metrics): readonly JobDefinition[] => [
  pruneIdempotencyKeysJob,
  crmImportJob,
  compactCrmRollupsJob,
  ...webhookJobs(config.WEBHOOKS_ALLOW_PRIVATE, metrics?.webhookAttempt),
  tasksDueTodayJob,
  dailyDigestJob,
  salesOverdueJob,
  salesRecurringJob,
  reportEmailsJob(config.appUrl),
  // The manage links in customers' reminders are signed with the app secret (resolved when the job runs).
  appointmentRemindersJob(() => ({ secret: resolveJwtSecret(config), appUrl: config.appUrl })),
  ...mailJobs(createMailTransport(config.SMTP_URL, log.child({ component: 'mail' })), config.MAIL_FROM),
];

/**
 * Listeners that enqueue jobs the moment their rows commit (webhook deliveries), where the handlers run (the
 * server with JOBS_IN_PROCESS, the worker). Each has a cron sweep behind it; returns a function that stops them.
 */
export const startJobWakeups = async (deps: { database: Database; log: Logger; send: SendJob }) => {
  const webhooks = await startWebhookWakeup(deps);
  return () => webhooks.close();
};
