import type { BookingPage, bookingInput, bookingSlotsQuery } from '@tessera/contracts';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { withTenant } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { matchOrCreateBookingLead } from '../../crm/index.ts';
import { pickAgent } from '../appointments/agent-picker.ts';
import { isSlotTaken } from '../appointments/appointment-timing.ts';
import { bookIn } from '../appointments/appointments.service.ts';
import { settingsIn } from '../settings/settings.service.ts';
import { busyRanges, candidateAgents } from '../slots/slots.service.ts';
import { schedulingBookings } from './booking.tables.ts';
import type { BookingDeps } from './booking-deps.ts';
import { queueBookingMail } from './booking-mail.ts';
import { isOffered, publicType, tenantOfPage, visitorSlots } from './booking-page.ts';

type Page = { tenantSlug: string; typeSlug: string };

const DAY = 86_400_000;

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION_ERROR', message, { details: [{ path, message }] });

/** The booking page's header: the company and the appointment type (no agents, no other bookings). */
export const bookingPage = async (deps: BookingDeps, page: Page): Promise<BookingPage> => {
  const tenant = await tenantOfPage(deps.database, page.tenantSlug);
  const type = await withTenant(deps.database, tenant.id, (t) => publicType(t, tenant.id, page.typeSlug));
  return {
    company: tenant.name,
    type: {
      name: type.name,
      description: type.description,
      durationMinutes: type.durationMinutes,
      locationKind: type.locationKind,
      maxDaysAhead: type.maxDaysAhead,
    },
  };
};

/** Free start times of the page's type, by day in the visitor's zone. */
export const bookingSlots = async (
  deps: BookingDeps,
  page: Page,
  query: z.output<typeof bookingSlotsQuery>,
) => {
  const tenant = await tenantOfPage(deps.database, page.tenantSlug);
  return withTenant(deps.database, tenant.id, async (t) => {
    const type = await publicType(t, tenant.id, page.typeSlug);
    const agents = await candidateAgents(t, tenant.id, type, {});
    return visitorSlots(t, tenant.id, { type, agents, ...query });
  });
};

export type BookedResult = {
  token: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  leadCreated: boolean;
};

const taken = () =>
  new AppError('CONFLICT', 'Sorry, this time was just booked by someone else. Please pick another time.');

/**
 * A visitor books: the start must be one the page offers; the tenant's strategy picks the agent (territory on
 * the postal code, skills, load); the lead is matched by e-mail or created (source `booking`) through the
 * CRM's API; the appointment, the booking's contact details and the confirmation e-mail (with `.ics` and the
 * signed manage links) commit together. A lost race for the slot is a 409 (the exclusion constraint).
 */
export const bookPublic = async (
  deps: BookingDeps,
  page: Page,
  input: z.output<typeof bookingInput>,
  context: (tenantId: string) => AuthedContext,
): Promise<BookedResult> => {
  if (input.website?.trim()) throw invalid('website', 'This booking could not be accepted');
  const tenant = await tenantOfPage(deps.database, page.tenantSlug);
  const ctx = context(tenant.id);
  const start = Date.parse(input.startsAt);
  if (start <= Date.now()) throw invalid('startsAt', 'This time has already passed. Pick a later time.');
  try {
    return await kit.inTenant(ctx, async (t) => {
      const type = await publicType(t, tenant.id, page.typeSlug);
      if (type.locationKind === 'on_site' && !input.address)
        throw invalid('address', 'Enter the address where we should meet you');
      const agents = await candidateAgents(t, tenant.id, type, {});
      const end = start + type.durationMinutes * 60_000;
      // One read of the agents' appointments serves both the page check and the agent picker: it covers the
      // day around the start (what isOffered computes over) and the blocked range with buffers.
      const busy = await busyRanges(
        t,
        tenant.id,
        agents.map((a) => a.id),
        {
          from: Math.min(start - DAY, start - type.bufferBeforeMinutes * 60_000),
          to: Math.max(start + 1 + DAY, end + type.bufferAfterMinutes * 60_000),
        },
      );
      if (!(await isOffered(t, tenant.id, { type, agents, start, busy })))
        throw new AppError('CONFLICT', 'This time is not available. Please pick one of the times shown.');
      const pick = await pickAgent(t, tenant.id, {
        type,
        start,
        end,
        postalCode: input.postalCode,
        settings: await settingsIn(t, tenant.id),
        known: { agents, busy },
      });
      const lead = await matchOrCreateBookingLead(t, ctx, {
        name: input.name,
        email: input.email,
        phone: input.phone,
        address: input.address,
        ownerId: pick.agent.userId,
      });
      const location = type.locationKind === 'on_site' ? (input.address ?? null) : null;
      const { row } = await bookIn(
        t,
        ctx,
        {
          typeId: type.id,
          agentId: pick.agent.id,
          leadId: lead.leadId,
          startsAt: new Date(start).toISOString(),
          location,
          notes: input.notes ?? null,
          source: 'public',
        },
        { type, agent: pick.agent },
      );
      await t.insert(schedulingBookings).values({
        tenantId: tenant.id,
        appointmentId: row.id,
        name: input.name,
        email: input.email,
        phone: input.phone,
        address: input.address ?? null,
        postalCode: input.postalCode ?? null,
        timeZone: input.timeZone,
        ip: ctx.ip ?? null,
      });
      const token = await queueBookingMail(t, deps, ctx.afterCommit, {
        kind: 'booked',
        row,
        facts: {
          company: tenant.name,
          typeName: type.name,
          name: input.name,
          email: input.email,
          timeZone: input.timeZone,
          location,
        },
      });
      return {
        token,
        startsAt: row.startsAt.toISOString(),
        endsAt: row.endsAt.toISOString(),
        timeZone: input.timeZone,
        leadCreated: lead.created,
      };
    });
  } catch (err) {
    if (isSlotTaken(err)) throw taken();
    throw err;
  }
};
