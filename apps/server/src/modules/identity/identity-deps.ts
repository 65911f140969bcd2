import type { SecretBox } from '../../platform/auth/index.ts';
import type { Database, Tx } from '../../platform/db/index.ts';
import type { SendJob } from '../../platform/jobs/index.ts';

export interface AuthSettings {
  jwtSecret: string;
  accessTtlSeconds: number;
  refreshTtlDays: number;
  idleTimeoutMinutes: number;
  loginMaxFailures: number;
  loginLockoutMinutes: number;
  authRateLimitPerMinute: number;
  /** How long a validated principal is reused (0 = never); see principal-cache.ts. */
  principalCacheMs: number;
  /** Base URL for links in e-mails (invitations, password reset). */
  appUrl: string;
}

/** What the identity module needs from the application (wired in app.ts). */
export interface IdentityDeps {
  database: Database;
  auth: AuthSettings;
  secretBox: SecretBox;
  /** Enqueue a job (after commit). Absent in tests that run without a job queue. */
  sendJob?: SendJob;
  /** Other modules' set-up for a new tenant, run in the sign-up transaction (e.g. admin's settings row). */
  onTenantCreated: ((tx: Tx, tenantId: string) => Promise<void>)[];
}
