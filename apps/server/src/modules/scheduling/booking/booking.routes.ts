import {
  bookingCancelInput,
  bookingInput,
  bookingLinkSchema,
  bookingPageParams,
  bookingPageSchema,
  bookingRescheduleInput,
  bookingSlotsQuery,
  bookingSlotsSchema,
  bookingTokenParams,
  bookingViewSchema,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { bookingPage, bookingSlots, bookPublic } from './booking.service.ts';
import { type BookingDeps, visitorContext } from './booking-deps.ts';
import { bookingLinks } from './booking-links.service.ts';
import { cancelBooking, rescheduleBooking, rescheduleSlots, viewBooking } from './manage.service.ts';

const base = '/api/public/booking';
const bookedSchema = z.object({
  token: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timeZone: z.string(),
  leadCreated: z.boolean(),
});

/**
 * The public booking page (no sign-in) and the visitor's manage link (the signed token is the credential).
 * Every route is rate-limited per client address (BOOKING_RATE_LIMIT_PER_MINUTE).
 */
export const bookingRoutes = async (app: FastifyInstance, deps: BookingDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const config = {
    access: 'public' as const,
    rateLimit: { max: deps.bookingRateLimitPerMinute, timeWindow: 60_000 },
  };
  const tags = ['public-booking'];
  const visitor = (req: FastifyRequest) => (tenantId: string) => visitorContext(req, deps.database, tenantId);

  r.get(
    `${base}/:tenantSlug/:typeSlug`,
    {
      config,
      schema: {
        tags,
        summary: 'A booking page: the company and the appointment type',
        params: bookingPageParams,
        response: replies(bookingPageSchema),
      },
    },
    async (req) => ok(await bookingPage(deps, req.params)),
  );
  r.get(
    `${base}/:tenantSlug/:typeSlug/slots`,
    {
      config,
      schema: {
        tags,
        summary: 'Free start times by day, in the visitor’s time zone',
        params: bookingPageParams,
        querystring: bookingSlotsQuery,
        response: replies(bookingSlotsSchema),
      },
    },
    async (req) => ok(await bookingSlots(deps, req.params, req.query)),
  );
  r.post(
    `${base}/:tenantSlug/:typeSlug`,
    {
      config,
      schema: {
        tags,
        summary:
          'Book: lead matched or created, agent picked, confirmation e-mail with .ics and manage links',
        params: bookingPageParams,
        body: bookingInput,
        response: replies(bookedSchema, 201),
      },
    },
    async (req, reply) =>
      reply.code(201).send(ok(await bookPublic(deps, req.params, req.body, visitor(req)))),
  );

  r.get(
    '/api/v1/scheduling/booking-links',
    {
      config: { access: 'appointments.view' },
      schema: {
        tags: ['scheduling'],
        summary: 'The company’s public booking pages (one per publicly bookable type)',
        response: replies(z.array(bookingLinkSchema)),
      },
    },
    async (req) => ok(await bookingLinks(authedContext(req, deps.database), deps.appUrl)),
  );

  const manage = `${base}/manage/:token`;
  r.get(
    manage,
    {
      config,
      schema: {
        tags,
        summary: 'A booking behind its signed link',
        params: bookingTokenParams,
        response: replies(bookingViewSchema),
      },
    },
    async (req) => ok(await viewBooking(deps, req.params.token)),
  );
  r.get(
    `${manage}/slots`,
    {
      config,
      schema: {
        tags,
        summary: 'Times the booking can move to',
        params: bookingTokenParams,
        querystring: bookingSlotsQuery,
        response: replies(bookingSlotsSchema),
      },
    },
    async (req) => ok(await rescheduleSlots(deps, req.params.token, req.query)),
  );
  r.post(
    `${manage}/cancel`,
    {
      config,
      schema: {
        tags,
        summary: 'The visitor cancels the booking',
        params: bookingTokenParams,
        body: bookingCancelInput.nullish(),
        response: replies(bookingViewSchema),
      },
    },
    async (req) => ok(await cancelBooking(deps, req.params.token, req.body ?? {}, visitor(req))),
  );
  r.post(
    `${manage}/reschedule`,
    {
      config,
      schema: {
        tags,
        summary: 'The visitor moves the booking to another free time',
        params: bookingTokenParams,
        body: bookingRescheduleInput,
        response: replies(bookingViewSchema),
      },
    },
    async (req) => ok(await rescheduleBooking(deps, req.params.token, req.body, visitor(req))),
  );
};
