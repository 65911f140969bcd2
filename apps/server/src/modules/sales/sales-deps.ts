import type { Database } from '../../platform/db/index.ts';
import type { SendJob } from '../../platform/jobs/index.ts';

export interface SalesDeps {
  database: Database;
  /** Enqueues the mail delivery after commit; absent when no job queue runs. */
  sendJob?: SendJob;
  /** Signs the customers' quote links (HMAC). */
  secret: string;
  /** Base URL of the web app, for links in e-mails. */
  appUrl: string;
}
