import { reportSubscriptionQuery } from '@tessera/contracts';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { z } from 'zod';
import { jobContext } from '../../platform/context/service-context.ts';
import { type Database, type Tx, withTenant } from '../../platform/db/index.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { defineJob, type SendJob } from '../../platform/jobs/index.ts';
import { queueMail, SEND_MAIL_JOB } from '../../platform/mail/index.ts';
import { featureOn, getTenantSettings } from '../admin/index.ts';
import { activeMemberRights, memberContacts, tenants } from '../identity/index.ts';
import { kpiCsv } from './kpi-csv.ts';
import { registeredKpi } from './kpi-registry.ts';
import { computeKpi } from './kpis.service.ts';
import { reportEmailHtml, reportEmailText, reportLink } from './report-email.ts';
import { lastSendDay, nextSendDay, periodOf, SEND_HOUR, zonedInstant } from './report-schedule.ts';
import { SUBSCRIBE_PERMISSION } from './report-subscriptions.service.ts';
import { reportSubscriptions } from './tables.ts';

export const REPORT_EMAILS_JOB = 'reporting.report-emails';
/** Due subscriptions handled per run (the next hourly run takes the rest). */
const BATCH = 500;

type Row = typeof reportSubscriptions.$inferSelect;
type Outcome = { mailId: string } | { paused: string } | { skipped: true };

/**
 * One due subscription, in its tenant's transaction: the row is locked and still due (a second worker or a
 * retry that comes after the commit finds it moved on and sends nothing); the KPI is computed as the member
 * (permissions, record scope, money visibility now), the mail queued (text, HTML with the table and a link to
 * the report, the CSV attached), `last_sent_period` and `next_run_at` moved on — all in the same transaction. A member who may no longer get it: paused, no mail.
 */
const sendOne = async (
  tx: Tx,
  database: Database,
  log: Logger,
  due: Pick<Row, 'id' | 'tenantId' | 'userId'>,
  now: Date,
  appUrl: string,
): Promise<Outcome> => {
  const [sub] = await tx
    .select()
    .from(reportSubscriptions)
    .where(
      and(
        eq(reportSubscriptions.tenantId, due.tenantId),
        eq(reportSubscriptions.id, due.id),
        eq(reportSubscriptions.active, true),
        lte(reportSubscriptions.nextRunAt, now),
      ),
    )
    .for('update');
  if (!sub) return { skipped: true };
  const timezone = (await getTenantSettings(tx, sub.tenantId))?.timezone ?? 'UTC';
  const sendDay = lastSendDay(sub.frequency, sub.weekday, now, timezone);
  const period = periodOf(sub.frequency, sendDay);
  const nextRunAt = zonedInstant(nextSendDay(sub.frequency, sendDay), SEND_HOUR, timezone);
  const move = (set: Partial<Row>) =>
    tx
      .update(reportSubscriptions)
      .set({ ...set, nextRunAt, updatedAt: now, version: sql`${reportSubscriptions.version} + 1` })
      .where(and(eq(reportSubscriptions.tenantId, sub.tenantId), eq(reportSubscriptions.id, sub.id)));
  const pause = async (reason: string): Promise<Outcome> => {
    await move({ active: false, pausedReason: reason });
    return { paused: reason };
  };
  if (sub.lastSentPeriod === period.from) {
    await move({});
    return { skipped: true };
  }

  const rights = await activeMemberRights(tx, sub.tenantId, sub.userId);
  if (!rights) return pause('You are no longer an active member of this company');
  const def = registeredKpi(sub.kpi);
  if (!def) return pause('This report no longer exists');
  const missing = ['reports.view', SUBSCRIBE_PERMISSION, def.permission].filter(
    (p) => !rights.permissions.has(p as never),
  );
  if (missing.length > 0) return pause(`You no longer have the permission ${missing.join(', ')}`);
  if (!(await featureOn(tx, sub.tenantId, sub.userId, 'reporting')))
    return pause('Reporting is switched off for you');
  const parsed = reportSubscriptionQuery.safeParse(sub.query);
  const query = parsed.success ? parsed.data : undefined;
  if (
    !query ||
    (['ownerId', 'teamId', 'pipelineId', 'source'] as const).some(
      (f) => query[f] !== undefined && !def.filters.includes(f),
    )
  )
    return pause('This report no longer takes the saved filters');

  const ctx = jobContext({
    database,
    log,
    tenantId: sub.tenantId,
    userId: sub.userId,
    permissions: rights.permissions,
    scopes: rights.scopes,
  });
  const result = await computeKpi(tx, ctx, def, { ...query, ...period }).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return undefined; // its module is off for them
    throw err;
  });
  if (!result) return pause('The module of this report is switched off for you');
  const [contact] = await memberContacts(tx, sub.tenantId, [sub.userId]);
  if (!contact) return pause('You are no longer an active member of this company');

  const link = reportLink(appUrl, result, query);
  const mailId = await queueMail(tx, {
    to: contact.email,
    subject: `${def.title}: ${period.from} to ${period.to}`,
    text: reportEmailText(contact.name, result, link),
    html: reportEmailHtml(contact.name, result, link),
    tenantRef: sub.tenantId,
    attachments: [
      {
        filename: `${def.name}-${period.from}-${period.to}.csv`,
        contentType: 'text/csv; charset=utf-8',
        content: new TextEncoder().encode(kpiCsv(result)),
      },
    ],
  });
  await move({ lastSentPeriod: period.from, pausedReason: null });
  return { mailId };
};

/**
 * Sends every report e-mail due at `now` (at most BATCH per run). Each one in its own transaction, so one
 * failure does not hold back the others; failures are re-thrown at the end (the job retries; those already
 * sent are no longer due). Returns what happened to each, for the tests and the log.
 */
export const sendDueReports = async (
  database: Database,
  log: Logger,
  now: Date,
  links: { appUrl: string; send?: SendJob },
): Promise<Outcome[]> => {
  const { appUrl, send } = links;
  // Owner connection: the due rows of every tenant (policy report_subscriptions_owner, migration 0052).
  const due = await database.db
    .select({
      id: reportSubscriptions.id,
      tenantId: reportSubscriptions.tenantId,
      userId: reportSubscriptions.userId,
    })
    .from(reportSubscriptions)
    // A suspended company's e-mails wait (still due: the latest period goes out once it is active again).
    .innerJoin(tenants, and(eq(tenants.id, reportSubscriptions.tenantId), eq(tenants.status, 'active')))
    .where(and(eq(reportSubscriptions.active, true), lte(reportSubscriptions.nextRunAt, now)))
    .orderBy(asc(reportSubscriptions.nextRunAt))
    .limit(BATCH);
  const outcomes: Outcome[] = [];
  const failures: unknown[] = [];
  for (const d of due) {
    try {
      const outcome = await withTenant(
        database,
        d.tenantId,
        (tx) => sendOne(tx, database, log, d, now, appUrl),
        d.userId,
      );
      outcomes.push(outcome);
      if ('mailId' in outcome && send)
        await send(SEND_MAIL_JOB, { id: outcome.mailId }, { singletonKey: outcome.mailId }).catch(
          (err: unknown) => log.warn({ err }, 'report e-mail: mail.send not enqueued (mail.sweep will)'),
        );
    } catch (err) {
      log.error({ err, subscriptionId: d.id }, 'report e-mail failed');
      failures.push(err);
    }
  }
  if (failures.length > 0) throw failures[0];
  return outcomes;
};

/**
 * Hourly: the report e-mails whose send time (06:00 in the company's time zone) has come; their links point at
 * `appUrl` (the web app, config.appUrl).
 */
export const reportEmailsJob = (appUrl: string) =>
  defineJob({
    name: REPORT_EMAILS_JOB,
    payload: z.object({}).loose(),
    cron: '5 * * * *',
    retry: { limit: 3, delaySeconds: 60 },
    handler: async (_p, { database, log, send }) => {
      await sendDueReports(database, log, new Date(), { appUrl, send });
    },
  });
