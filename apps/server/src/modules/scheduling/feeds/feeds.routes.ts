import { calendarFeedParams, calendarFeedSchema } from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import {
  calendarFeedIcs,
  createCalendarFeed,
  type FeedDeps,
  getCalendarFeed,
  revokeCalendarFeed,
} from './feeds.service.ts';

/** An agent's iCalendar feed: its secret URL (get, create = replace, revoke) and the public feed itself. */
export const feedRoutes = async (
  app: FastifyInstance,
  deps: FeedDeps & { database: Database; bookingRateLimitPerMinute: number },
) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, deps.database);
  const tags = ['scheduling'];
  const path = '/api/v1/scheduling/agents/:id/calendar-feed';
  const schema = (summary: string, status: 200 | 201 = 200) => ({
    tags,
    summary,
    params: calendarFeedParams,
    response: replies(calendarFeedSchema, status),
  });

  r.get(
    path,
    { config: { access: 'appointments.view' }, schema: schema('The agent’s calendar feed URL, if any') },
    async (req) => ok(await getCalendarFeed(ctx(req), deps, req.params.id)),
  );
  r.post(
    path,
    {
      config: { access: 'appointments.view' },
      schema: schema('A new secret calendar feed URL (the previous one stops working)', 201),
    },
    async (req, reply) => reply.code(201).send(ok(await createCalendarFeed(ctx(req), deps, req.params.id))),
  );
  r.delete(
    path,
    { config: { access: 'appointments.view' }, schema: schema('Revoke the calendar feed URL') },
    async (req) => ok(await revokeCalendarFeed(ctx(req), req.params.id)),
  );

  r.get(
    '/api/public/calendar-feeds/:token/calendar.ics',
    {
      config: {
        access: 'public',
        rateLimit: { max: deps.bookingRateLimitPerMinute, timeWindow: 60_000 },
      },
      schema: {
        tags: ['public-booking'],
        summary: 'An agent’s appointments as iCalendar (the token is the credential)',
        params: z.strictObject({ token: z.string().min(10).max(100) }),
      },
    },
    async (req, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await calendarFeedIcs(deps, req.params.token)),
  );
};
