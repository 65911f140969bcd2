import { jobMonitorSchema, jobRetryInput, jobRetryResultSchema } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { notFound } from '../http/app-error.ts';
import { ok } from '../http/envelope.ts';
import { replies } from '../http/route-schema.ts';
import { type JobMonitorSource, readJobMonitor, retryJob } from './job-monitor.ts';

/**
 * The admin job monitor (`settings.manage`: owner and admin templates). Without a job runner in this process
 * (some tests) there is nothing to show: no queues, and every retry is a 404.
 */
export const jobMonitorRoutes = async (
  app: FastifyInstance,
  deps: { jobs: (() => JobMonitorSource | undefined) | undefined },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['jobs'];
  const source = () => deps.jobs?.();
  const tenantOf = (req: { auth?: { tenantId?: string } | null }) => req.auth?.tenantId ?? '';

  r.get(
    '/api/v1/admin/jobs',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Job queues with their counts, and the failed and dead jobs of this company',
        response: replies(jobMonitorSchema),
      },
    },
    async (req) => {
      const jobs = source();
      return ok(jobs ? await readJobMonitor(jobs, tenantOf(req)) : { queues: [], failures: [] });
    },
  );

  r.post(
    '/api/v1/admin/jobs/retry',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Retry one failed job, or move one dead job back to its queue',
        body: jobRetryInput,
        response: replies(jobRetryResultSchema),
      },
    },
    async (req) => {
      const jobs = source();
      if (!jobs) throw notFound('Job', 'body.id');
      return ok(await retryJob(jobs, tenantOf(req), req.body));
    },
  );
};
