import {
  type ReportSubscription,
  type ReportSubscriptionQuery,
  type reportSubscriptionCreateInput,
  reportSubscriptionQuery,
  type reportSubscriptionUpdateInput,
} from '@tessera/contracts';
import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import type { Tx } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import * as kit from '../../platform/records/index.ts';
import { featureOn, getTenantSettings } from '../admin/index.ts';
import { registeredKpi } from './kpi-registry.ts';
import { kpiFor } from './kpis.service.ts';
import { firstRunAt } from './report-schedule.ts';
import { reportSubscriptions } from './tables.ts';

export type ReportSubscriptionRow = typeof reportSubscriptions.$inferSelect;

/** A member has at most this many report e-mails. */
export const MAX_SUBSCRIPTIONS = 50;
/** Subscribing mails a CSV: the export permission, besides `reports.view` and the KPI's own. */
export const SUBSCRIBE_PERMISSION = 'reports.export';

/** Only the member who subscribed sees or changes a subscription (whatever their role): others get a 404. */
const mine = (ctx: AuthedContext): SQL =>
  ctx.userId ? eq(reportSubscriptions.userId, ctx.userId) : sql`false`;

export const reportSubscriptionDef: kit.RecordDef = {
  name: 'report_subscription',
  label: 'Report e-mail',
  table: reportSubscriptions,
  scope: 'leads',
  restrict: mine,
  auditFields: ['kpi', 'query', 'frequency', 'weekday', 'active'],
};

export const toReportSubscription = (r: ReportSubscriptionRow): ReportSubscription => ({
  ...kit.baseDto(r),
  userId: r.userId,
  kpi: r.kpi,
  title: registeredKpi(r.kpi)?.title ?? r.kpi,
  query: reportSubscriptionQuery.parse(r.query),
  frequency: r.frequency,
  weekday: r.weekday,
  active: r.active,
  pausedReason: r.pausedReason,
  nextRunAt: r.nextRunAt.toISOString(),
  lastSentPeriod: r.lastSentPeriod,
});

/** The KPI may be subscribed to by the caller with this query: 404/403/400 like `GET /reports/kpis/:name`. */
const checkKpi = async (tx: Tx, ctx: AuthedContext, kpi: string, query: ReportSubscriptionQuery) => {
  kit.requirePermission(ctx, SUBSCRIBE_PERMISSION);
  const def = kpiFor(ctx, kpi, query, 'body.query');
  if (!(await featureOn(tx, ctx.tenantId, ctx.userId, def.feature))) throw notFound('KPI', 'body.kpi');
};

const timezoneOf = async (tx: Tx, tenantId: string) =>
  (await getTenantSettings(tx, tenantId))?.timezone ?? 'UTC';

/** My report e-mails, oldest first. */
export const listReportSubscriptions = (ctx: AuthedContext) =>
  kit.inTenant(ctx, async (tx) =>
    (
      await tx
        .select()
        .from(reportSubscriptions)
        .where(and(eq(reportSubscriptions.tenantId, ctx.tenantId), mine(ctx)))
        .orderBy(asc(reportSubscriptions.createdAt), asc(reportSubscriptions.id))
    ).map(toReportSubscription),
  );

/** Subscribes the caller to a KPI by e-mail (to their own address only); audited. */
export const createReportSubscription = (
  ctx: AuthedContext,
  input: z.output<typeof reportSubscriptionCreateInput>,
) =>
  kit.inTenant(ctx, async (tx) => {
    if (!ctx.userId) throw new AppError('FORBIDDEN', 'Report e-mails go to a person; sign in as one');
    await checkKpi(tx, ctx, input.kpi, input.query);
    const [count] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(reportSubscriptions)
      .where(and(eq(reportSubscriptions.tenantId, ctx.tenantId), mine(ctx)));
    if ((count?.n ?? 0) >= MAX_SUBSCRIPTIONS)
      throw new AppError('CONFLICT', `At most ${MAX_SUBSCRIPTIONS} report e-mails per person`);
    const weekday = input.frequency === 'weekly' ? (input.weekday ?? null) : null;
    const row = await kit.insertRecord<ReportSubscriptionRow>(tx, ctx, reportSubscriptionDef, {
      userId: ctx.userId,
      kpi: input.kpi,
      query: input.query,
      frequency: input.frequency,
      weekday,
      nextRunAt: firstRunAt(input.frequency, weekday, new Date(), await timezoneOf(tx, ctx.tenantId)),
    });
    return toReportSubscription(row);
  });

/** Changes the query or schedule, pauses or resumes (send the version; stale → 409); audited. */
export const updateReportSubscription = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof reportSubscriptionUpdateInput>,
) =>
  kit.inTenant(ctx, async (tx) => {
    const { version, ...patch } = input;
    const current = await kit.findRecord<ReportSubscriptionRow>(tx, ctx, reportSubscriptionDef, id, true);
    const frequency = patch.frequency ?? current.frequency;
    if (frequency === 'monthly' && patch.weekday !== undefined && patch.weekday !== null)
      throw new AppError('VALIDATION_ERROR', 'A monthly report goes out on day 1', {
        details: [{ path: 'body.weekday', message: 'Not for a monthly report' }],
      });
    const weekday =
      frequency === 'monthly' ? null : patch.weekday !== undefined ? patch.weekday : current.weekday;
    if (frequency === 'weekly' && weekday === null)
      throw new AppError('VALIDATION_ERROR', 'Choose the weekday of a weekly report', {
        details: [{ path: 'body.weekday', message: 'Required for a weekly report' }],
      });
    const query = patch.query ?? reportSubscriptionQuery.parse(current.query);
    const active = patch.active ?? current.active;
    // Resuming or changing what is sent: the caller must still be allowed to get it.
    if (active && (!current.active || patch.query)) await checkKpi(tx, ctx, current.kpi, query);
    const rescheduled =
      frequency !== current.frequency || weekday !== current.weekday || (active && !current.active);
    const { after } = await kit.updateRecord<ReportSubscriptionRow>(tx, ctx, reportSubscriptionDef, {
      id,
      version,
      toDto: toReportSubscription,
      patch: {
        query,
        frequency,
        weekday,
        active,
        ...(active ? { pausedReason: null } : {}),
        ...(rescheduled
          ? { nextRunAt: firstRunAt(frequency, weekday, new Date(), await timezoneOf(tx, ctx.tenantId)) }
          : {}),
        updatedAt: new Date(),
      },
    });
    return toReportSubscription(after);
  });

/** Deletes one of my report e-mails; audited. */
export const deleteReportSubscription = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (tx) => kit.deleteRecord(tx, ctx, reportSubscriptionDef, id));
