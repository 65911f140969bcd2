import type { CalendarFeed } from '@tessera/contracts';
import { and, eq, gt, inArray, isNull, lt } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import { NEVER_EXPIRES, signRecordLink, verifyRecordLink } from '../../../platform/auth/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { type Tx, withTenant } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { type AgentRow, agentDef } from '../agents/agent-record.ts';
import { schedulingAgents } from '../agents/agents.tables.ts';
import { appointments } from '../appointments/appointments.tables.ts';
import { icsUid, toIcs } from '../calendar/ics.ts';
import { appointmentTypes } from '../types/appointment-types.tables.ts';
import { schedulingCalendarFeeds } from './feeds.tables.ts';

/** What feed URLs need: the signing secret and the API's public base URL. */
export interface FeedDeps {
  secret: string;
  appUrl: string;
}

const PURPOSE = 'calendar-feed';
const DAY = 86_400_000;

const feedUrl = (deps: FeedDeps, tenantId: string, feedId: string) =>
  `${deps.appUrl}/api/public/calendar-feeds/${signRecordLink(deps.secret, PURPOSE, {
    tenantId,
    recordId: feedId,
    expires: NEVER_EXPIRES,
  })}/calendar.ics`;

/** The agent, when the caller is that agent or may manage availability; 404 otherwise (nothing leaks). */
const ownAgent = async (t: Tx, ctx: AuthedContext, agentId: string) => {
  const agent = await kit.findRecord<AgentRow>(t, ctx, agentDef, agentId, true);
  if (agent.userId !== ctx.userId && !ctx.auth.permissions.has('availability.manage'))
    throw new AppError('FORBIDDEN', 'Only the agent or someone who manages availability can do this');
  return agent;
};

const liveFeed = async (t: Tx, tenantId: string, agentId: string) =>
  (
    await t
      .select()
      .from(schedulingCalendarFeeds)
      .where(
        and(
          eq(schedulingCalendarFeeds.tenantId, tenantId),
          eq(schedulingCalendarFeeds.agentId, agentId),
          isNull(schedulingCalendarFeeds.revokedAt),
        ),
      )
  )[0];

const revokeIn = async (t: Tx, ctx: AuthedContext, agentId: string) => {
  const revoked = await t
    .update(schedulingCalendarFeeds)
    .set({ revokedAt: new Date() })
    .where(
      and(
        eq(schedulingCalendarFeeds.tenantId, ctx.tenantId),
        eq(schedulingCalendarFeeds.agentId, agentId),
        isNull(schedulingCalendarFeeds.revokedAt),
      ),
    )
    .returning({ id: schedulingCalendarFeeds.id });
  for (const { id } of revoked)
    await writeAudit(t, ctx, { action: 'calendar_feed.revoked', targetType: 'calendar_feed', targetId: id });
  return revoked.length;
};

export const getCalendarFeed = (ctx: AuthedContext, deps: FeedDeps, agentId: string): Promise<CalendarFeed> =>
  kit.inTenant(ctx, async (t) => {
    await ownAgent(t, ctx, agentId);
    const feed = await liveFeed(t, ctx.tenantId, agentId);
    return feed
      ? { url: feedUrl(deps, ctx.tenantId, feed.id), createdAt: feed.createdAt.toISOString() }
      : { url: null, createdAt: null };
  });

/** A new secret feed URL for the agent; the previous one (if any) stops working. Audited. */
export const createCalendarFeed = (
  ctx: AuthedContext,
  deps: FeedDeps,
  agentId: string,
): Promise<CalendarFeed> =>
  kit.inTenant(ctx, async (t) => {
    await ownAgent(t, ctx, agentId);
    await revokeIn(t, ctx, agentId);
    const [feed] = await t
      .insert(schedulingCalendarFeeds)
      .values({ tenantId: ctx.tenantId, agentId, createdBy: ctx.userId })
      .returning();
    if (!feed) throw new Error('calendar feed not stored');
    await writeAudit(t, ctx, {
      action: 'calendar_feed.created',
      targetType: 'calendar_feed',
      targetId: feed.id,
      changes: { agentId: { from: null, to: agentId } },
    });
    return { url: feedUrl(deps, ctx.tenantId, feed.id), createdAt: feed.createdAt.toISOString() };
  });

/** Revokes the agent's feed: its URL answers 404 from now on. */
export const revokeCalendarFeed = (ctx: AuthedContext, agentId: string): Promise<CalendarFeed> =>
  kit.inTenant(ctx, async (t) => {
    await ownAgent(t, ctx, agentId);
    await revokeIn(t, ctx, agentId);
    return { url: null, createdAt: null };
  });

/**
 * The feed behind a URL: the agent's active and completed appointments from 30 days back to a year ahead, as
 * iCalendar. A tampered token or a revoked feed is a 404.
 */
export const calendarFeedIcs = async (
  deps: FeedDeps & { database: Parameters<typeof withTenant>[0] },
  token: string,
) => {
  const link = verifyRecordLink(deps.secret, PURPOSE, token);
  if (!link) throw notFound('Calendar feed');
  return withTenant(deps.database, link.tenantId, async (t) => {
    const [feed] = await t
      .select({ agentId: schedulingCalendarFeeds.agentId, userId: schedulingAgents.userId })
      .from(schedulingCalendarFeeds)
      .innerJoin(
        schedulingAgents,
        and(
          eq(schedulingAgents.tenantId, schedulingCalendarFeeds.tenantId),
          eq(schedulingAgents.id, schedulingCalendarFeeds.agentId),
        ),
      )
      .where(
        and(
          eq(schedulingCalendarFeeds.tenantId, link.tenantId),
          eq(schedulingCalendarFeeds.id, link.recordId),
          isNull(schedulingCalendarFeeds.revokedAt),
        ),
      );
    if (!feed) throw notFound('Calendar feed');
    const now = Date.now();
    const rows = await t
      .select({ a: appointments, typeName: appointmentTypes.name })
      .from(appointments)
      .innerJoin(
        appointmentTypes,
        and(
          eq(appointmentTypes.tenantId, appointments.tenantId),
          eq(appointmentTypes.id, appointments.typeId),
        ),
      )
      .where(
        and(
          eq(appointments.tenantId, link.tenantId),
          eq(appointments.agentId, feed.agentId),
          inArray(appointments.status, ['scheduled', 'confirmed', 'completed']),
          gt(appointments.endsAt, new Date(now - 30 * DAY)),
          lt(appointments.startsAt, new Date(now + 366 * DAY)),
        ),
      )
      .orderBy(appointments.startsAt)
      .limit(5_000);
    return toIcs(
      rows.map(({ a, typeName }) => ({
        uid: icsUid(a.id),
        sequence: a.version,
        start: a.startsAt,
        end: a.endsAt,
        summary: typeName,
        description: a.notes ?? undefined,
        location: a.location,
        status: a.status === 'scheduled' ? 'TENTATIVE' : 'CONFIRMED',
      })),
      { method: 'PUBLISH', name: 'Tessera appointments' },
    );
  });
};
