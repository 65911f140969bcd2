import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { bookPublic } from '../src/modules/scheduling/booking/booking.service.ts';
import { jobContext } from '../src/platform/context/service-context.ts';
import type { Database } from '../src/platform/db/index.ts';

// Booking throughput for bench/scheduling.ts: writers book in a loop for a fixed time, through the real
// services. A 409 CONFLICT (the exclusion constraint, or — public page — a time no longer offered) counts as
// refused; any other error fails the run. Method and figures: docs/performance.md.

export interface BookingRate {
  writers: number;
  seconds: number;
  booked: number;
  refused: number;
  /** Bookings that committed, per second. */
  bookedPerSecond: number;
  /** Every answered attempt (booked + refused), per second. */
  attemptsPerSecond: number;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Runs `attempt` from `writers` concurrent loops for `seconds` s and counts what committed and what was refused. */
export const bookingRate = async (
  writers: number,
  seconds: number,
  attempt: (n: number) => Promise<unknown>,
): Promise<BookingRate> => {
  let booked = 0;
  let refused = 0;
  let n = 0;
  const began = performance.now();
  const deadline = began + seconds * 1000;
  const writer = async () => {
    while (performance.now() < deadline) {
      try {
        await attempt(n++);
        booked++;
      } catch (err) {
        if ((err as { code?: string }).code !== 'CONFLICT') throw err;
        refused++;
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  const elapsed = (performance.now() - began) / 1000;
  return {
    writers,
    seconds: round(elapsed),
    booked,
    refused,
    bookedPerSecond: round(booked / elapsed),
    attemptsPerSecond: round((booked + refused) / elapsed),
  };
};

/**
 * Public bookings: the type becomes publicly bookable, each attempt is a new visitor (new e-mail → a new lead)
 * booking a random one of `starts` (free times the page offered before the run) through `bookPublic` — page
 * checks, smart booking, lead through the CRM's API, appointment, booking row, confirmation e-mail with `.ics`
 * in the outbox, one transaction.
 */
export const publicBookingRate = async (
  database: Database,
  log: Logger,
  options: { tenantId: string; typeId: string; starts: string[]; writers: number; seconds: number },
): Promise<BookingRate> => {
  const { rows } = (await database.db.execute(
    sql`update appointment_types set public_booking = true where id = ${options.typeId}
        returning slug, (select slug from tenants where id = ${options.tenantId}) as tenant_slug`,
  )) as unknown as { rows: { slug: string; tenant_slug: string }[] };
  const page = { tenantSlug: rows[0]?.tenant_slug as string, typeSlug: rows[0]?.slug as string };
  const deps = {
    database,
    secret: randomBytes(32).toString('base64url'),
    appUrl: 'http://localhost:3000',
    bookingRateLimitPerMinute: 1_000_000,
  };
  const run = randomBytes(3).toString('hex');
  const visitor = (tenantId: string) => ({
    ...jobContext({
      database,
      log,
      tenantId,
      userId: null,
      permissions: ['leads.create', 'leads.view', 'appointments.view', 'appointments.manage'],
    }),
    ip: '198.51.100.7',
    userAgent: 'bench',
  });
  return bookingRate(options.writers, options.seconds, (n) =>
    bookPublic(
      deps,
      page,
      {
        name: `Visitor ${n}`,
        email: `visitor-${run}-${n}@bench.example`,
        phone: '+1 555 0100',
        startsAt: options.starts[Math.floor(Math.random() * options.starts.length)] as string,
        timeZone: 'America/New_York',
      },
      visitor,
    ),
  );
};
