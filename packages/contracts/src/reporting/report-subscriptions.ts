import { z } from 'zod';
import { uuid, version } from '../primitives.ts';
import { recordBase } from '../records.ts';
import { kpiGroupings, kpiParams } from './kpis.ts';

/** How often a report e-mail goes out: weekly (on `weekday`, the 7 days before) or monthly (day 1, the month before). */
export const reportFrequencies = ['weekly', 'monthly'] as const;
export type ReportFrequency = (typeof reportFrequencies)[number];

/**
 * The stored query of a subscribed KPI: its grouping and filters (the period is the one just ended when it is
 * sent). The KPI's own filters are checked by the server, like `GET /reports/kpis/:name`.
 */
export const reportSubscriptionQuery = z.strictObject({
  grouping: z.enum(kpiGroupings).default('month'),
  ownerId: uuid.optional(),
  teamId: uuid.optional(),
  pipelineId: uuid.optional(),
  source: z.string().trim().min(1).max(100).optional(),
});
export type ReportSubscriptionQuery = z.output<typeof reportSubscriptionQuery>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
const weekday = z.int().min(1).max(7);

const weekdayRule = (v: { frequency?: ReportFrequency; weekday?: number | null }, ctx: z.RefinementCtx) => {
  if (v.frequency === 'weekly' && (v.weekday === undefined || v.weekday === null))
    ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'Choose the weekday of a weekly report' });
  if (v.frequency === 'monthly' && v.weekday !== undefined && v.weekday !== null)
    ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'A monthly report goes out on day 1' });
};

export const reportSubscriptionCreateInput = z
  .strictObject({
    kpi: kpiParams.shape.name,
    query: reportSubscriptionQuery.default({ grouping: 'month' }),
    frequency: z.enum(reportFrequencies),
    weekday: weekday.optional(),
  })
  .superRefine(weekdayRule);
export type ReportSubscriptionCreateInput = z.input<typeof reportSubscriptionCreateInput>;

/** Change the schedule or query, pause (`active: false`) or resume; send the version read. */
export const reportSubscriptionUpdateInput = z
  .strictObject({
    query: reportSubscriptionQuery.optional(),
    frequency: z.enum(reportFrequencies).optional(),
    weekday: weekday.nullable().optional(),
    active: z.boolean().optional(),
    version,
  })
  .superRefine(weekdayRule);
export type ReportSubscriptionUpdateInput = z.input<typeof reportSubscriptionUpdateInput>;

export const reportSubscriptionSchema = z.object({
  ...recordBase,
  userId: uuid,
  kpi: z.string(),
  /** The KPI's title (its name when the KPI is no longer registered). */
  title: z.string(),
  query: reportSubscriptionQuery,
  frequency: z.enum(reportFrequencies),
  weekday: z.number().nullable(),
  active: z.boolean(),
  /** Why the job paused it (the member lost the permission, left, or the module was switched off). */
  pausedReason: z.string().nullable(),
  nextRunAt: z.string(),
  /** The first day of the last period mailed (`YYYY-MM-DD`), null before the first e-mail. */
  lastSentPeriod: z.string().nullable(),
});
export type ReportSubscription = z.infer<typeof reportSubscriptionSchema>;
