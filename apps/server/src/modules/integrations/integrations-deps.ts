import type { Logger } from 'pino';
import type { Database } from '../../platform/db/index.ts';

export interface IntegrationsDeps {
  database: Database;
  /** WEBHOOKS_ALLOW_PRIVATE: deliver to private and loopback addresses (tests, local receivers). */
  allowPrivate: boolean;
  log?: Logger;
}
