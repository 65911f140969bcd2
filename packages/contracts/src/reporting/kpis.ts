import { z } from 'zod';
import { uuid } from '../primitives.ts';

export const kpiGroupings = ['day', 'week', 'month'] as const;
export const kpiFilterNames = ['ownerId', 'teamId', 'pipelineId', 'source'] as const;
export type KpiFilterName = (typeof kpiFilterNames)[number];

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'A date like 2026-01-31')
  .refine(
    (v) =>
      !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
    'Not a date',
  );

/** Period (dates in the company's time zone, both included), grouping and filters of every KPI. */
export const kpiQuery = z
  .strictObject({
    from: isoDate.optional(),
    to: isoDate.optional(),
    grouping: z.enum(kpiGroupings).default('month'),
    ownerId: uuid.optional(),
    teamId: uuid.optional(),
    pipelineId: uuid.optional(),
    source: z.string().trim().min(1).max(100).optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: '`from` must not be after `to`',
    path: ['from'],
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.to) - Date.parse(q.from) <= 3 * 366 * 86_400_000, {
    message: 'At most three years',
    path: ['to'],
  });
export type KpiQuery = z.output<typeof kpiQuery>;

export const kpiParams = z.strictObject({ name: z.string().regex(/^[a-z][a-z0-9-]{1,40}$/) });

export const kpiColumnSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'number', 'money', 'percent', 'date', 'days']),
});
export type KpiColumn = z.infer<typeof kpiColumnSchema>;

/** Every KPI answers a table: its columns, one row per group, and the totals. Money is null when hidden. */
export const kpiResultSchema = z.object({
  kpi: z.string(),
  title: z.string(),
  period: z.object({
    from: z.string(),
    to: z.string(),
    grouping: z.enum(kpiGroupings),
    timezone: z.string(),
  }),
  columns: z.array(kpiColumnSchema),
  rows: z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()]))),
  totals: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  moneyHidden: z.boolean(),
  /** The list a chart drills down to (client route with the filters), when there is one. */
  drillDown: z.string().nullable(),
});
export type KpiResult = z.infer<typeof kpiResultSchema>;

/** How a KPI uses the period: `range` from–to, `end` only its last day (as of), `none` (figures now). */
export const kpiPeriodUses = ['range', 'end', 'none'] as const;
export type KpiPeriodUse = (typeof kpiPeriodUses)[number];

export const kpiInfoSchema = z.object({
  name: z.string(),
  title: z.string(),
  description: z.string(),
  /** The module that registers it (its feature flag): what the reports list groups by. */
  module: z.string(),
  filters: z.array(z.enum(kpiFilterNames)),
  /** Rows are time buckets: `grouping` (day / week / month) applies. */
  grouped: z.boolean(),
  period: z.enum(kpiPeriodUses),
  /** Has money columns (null for callers without `fields.money.view`). */
  money: z.boolean(),
});
export type KpiInfo = z.infer<typeof kpiInfoSchema>;
