import type { Logger } from 'pino';
import type { Config } from './config/index.ts';
import { crmImportJob } from './modules/crm/index.ts';
import { dailyDigestJob, tasksDueTodayJob } from './modules/notifications/index.ts';
import { pruneIdempotencyKeysJob } from './platform/http/prune-idempotency-keys.job.ts';
import type { JobDefinition } from './platform/jobs/index.ts';
import { createMailTransport, mailJobs } from './platform/mail/index.ts';

/** Every background job of the application, platform and modules. `main.ts` and `worker.ts` run these. */
export const appJobs = (config: Config, log: Logger): readonly JobDefinition[] => [
  pruneIdempotencyKeysJob,
  crmImportJob,
  tasksDueTodayJob,
  dailyDigestJob,
  ...mailJobs(createMailTransport(config.SMTP_URL, log.child({ component: 'mail' })), config.MAIL_FROM),
];
