import type { FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { type AuthedContext, jobContext, serviceContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import type { SendJob } from '../../../platform/jobs/index.ts';

/** What the public booking routes, the calendar feed and the reminders need besides the database. */
export interface BookingDeps {
  database: Database;
  /** Enqueues the delivery of queued e-mails after commit; absent when no job queue runs. */
  sendJob?: SendJob;
  /** Signs the visitors' manage links and the agents' feed URLs (HMAC). */
  secret: string;
  /** Base URL of the web app, for links in e-mails. */
  appUrl: string;
  /** Public booking requests per client address per minute. */
  bookingRateLimitPerMinute: number;
}

/**
 * The context of a request without a signed-in user (the booking page, a manage link): no user, the tenant the
 * slug or the signed link named, and only what a public booking may do — scope `all` because there is no owner
 * to limit to. Audit rows carry the visitor's address; after-commit work runs when the response is sent.
 */
export const visitorContext = (req: FastifyRequest, database: Database, tenantId: string): AuthedContext => {
  const request = serviceContext(req, database);
  return {
    ...jobContext({
      database,
      log: req.log as unknown as Logger,
      tenantId,
      userId: null,
      requestId: req.id,
      permissions: ['leads.create', 'leads.view', 'appointments.view', 'appointments.manage'],
    }),
    ip: request.ip,
    userAgent: request.userAgent,
    afterCommit: request.afterCommit,
  };
};
