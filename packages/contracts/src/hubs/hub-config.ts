import { z } from 'zod';
import { permissions } from '../access/permissions.ts';
import { featureFlagKeys } from '../admin/feature-flags.ts';
import { COLOR_PATTERN } from '../admin/tenant-settings.ts';

/** Every widget type the web app's widget registry renders (type → component). */
export const widgetTypes = [
  'kpi-number',
  'bar-chart',
  'line-chart',
  'funnel-chart',
  'pie-chart',
  'table',
  'my-tasks',
  'activity-feed',
  'recent-leads',
] as const;
export type WidgetType = (typeof widgetTypes)[number];

const slug = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'Lower-case letters, digits and dashes');
const label = z.string().trim().min(1).max(60);
const icon = z.string().regex(/^[a-z][a-z0-9-]{0,29}$/, 'An icon name such as "users"');
/** A client route: starts with one slash, no scheme or host (never a link out of the app). */
const appPath = z
  .string()
  .max(200)
  .regex(/^\/(?!\/)[A-Za-z0-9\-._~/?=&%]*$/, 'A path inside the app, e.g. /leads?status=new');
const color = z.string().regex(COLOR_PATTERN, 'A colour like #1f6feb');
const permission = z.enum(permissions);
const feature = z.enum(featureFlagKeys);
/**
 * A widget's requirements: one permission (feature) or a list of them, all needed — a KPI widget needs
 * `reports.view` and the KPI's own data permission (`invoices.view` for the ageing), so a member who could not
 * load its data never sees it.
 */
const oneOrAll = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1).max(4)]);

export const hubNavItemSchema = z.strictObject({
  id: slug,
  label,
  path: appPath,
  icon: icon.optional(),
  permission: permission.optional(),
  feature: z.enum(featureFlagKeys).optional(),
});
export type HubNavItem = z.infer<typeof hubNavItemSchema>;

export const hubQuickActionSchema = z.strictObject({
  id: slug,
  label,
  path: appPath,
  icon: icon.optional(),
  permission: permission.optional(),
  feature: z.enum(featureFlagKeys).optional(),
});

/** Where a widget sits on the dashboard's 12-column grid. */
export const gridAreaSchema = z.strictObject({
  x: z.number().int().min(0).max(11),
  y: z.number().int().min(0).max(99),
  w: z.number().int().min(1).max(12),
  h: z.number().int().min(1).max(8),
});

export const hubWidgetSchema = z
  .strictObject({
    id: slug,
    type: z.enum(widgetTypes),
    title: label,
    /** What it shows: a KPI (`kpi:<name>`) or a list (`tasks:mine`, `activities:recent`, `leads:recent`). */
    dataSource: z.string().regex(/^[a-z]+:[a-z0-9-]{1,40}$/, 'e.g. kpi:win-rate or tasks:mine'),
    area: gridAreaSchema,
    /** Seconds between refreshes; 0: only on load. */
    refreshSeconds: z
      .number()
      .int()
      .min(0)
      .max(3600)
      .refine((v) => v === 0 || v >= 30, 'Either 0 or at least 30'),
    /** Type-specific options (period, grouping, measure…): plain JSON. */
    options: z.record(z.string().max(40), z.json()).default({}),
    permission: oneOrAll(permission).optional(),
    feature: oneOrAll(feature).optional(),
  })
  .refine((w) => w.area.x + w.area.w <= 12, {
    message: 'The widget does not fit in 12 columns',
    path: ['area', 'w'],
  });
export type HubWidget = z.infer<typeof hubWidgetSchema>;

const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

/** One role's hub: what its members see first (docs/modules/hubs.md). */
export const hubConfigSchema = z.strictObject({
  metadata: z.strictObject({
    version: z.number().int().min(1),
    displayName: label,
    icon,
    theme: z.strictObject({
      primary: color.optional(),
      accent: color.optional(),
      mode: z.enum(['system', 'light', 'dark']).default('system'),
    }),
  }),
  navigation: z.strictObject({
    items: z.array(hubNavItemSchema).max(40).refine(uniqueIds, 'Navigation ids must be unique'),
    quickActions: z.array(hubQuickActionSchema).max(12).refine(uniqueIds, 'Quick action ids must be unique'),
  }),
  dashboard: z.strictObject({
    widgets: z.array(hubWidgetSchema).max(24).refine(uniqueIds, 'Widget ids must be unique'),
  }),
  /** Features this hub hides for the role even when the tenant has them on (never turns one on). */
  features: z.partialRecord(z.enum(featureFlagKeys), z.boolean()),
});
export type HubConfig = z.infer<typeof hubConfigSchema>;

/** An override: any part of a config (objects merge key by key, arrays and values replace). ≤ 64 KB. */
export type HubOverride = { [key: string]: unknown };
export const hubOverrideSchema = z
  .record(z.string().max(40), z.json())
  .refine((v) => JSON.stringify(v).length <= 65_536, 'The override is too large (64 KB at most)');

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** `over` on top of `base`: objects merged recursively, everything else (arrays too) replaced; null removes. */
export const deepMerge = (base: unknown, over: unknown): unknown => {
  if (over === undefined) return base;
  if (!isPlainObject(base) || !isPlainObject(over)) return over;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    if (value === null) delete out[key];
    else out[key] = deepMerge(base[key], value);
  }
  return out;
};

/**
 * What a member sees of a hub: entries whose permission they lack, whose feature is off for them, or that
 * the hub itself turns off (`features: { x: false }`) are dropped.
 */
export const visibleHub = (
  config: HubConfig,
  held: ReadonlySet<string>,
  featuresOff: ReadonlySet<string>,
): HubConfig => {
  const off = new Set([
    ...featuresOff,
    ...Object.entries(config.features).flatMap(([k, on]) => (on === false ? [k] : [])),
  ]);
  const all = (v: string | readonly string[] | undefined): readonly string[] =>
    v === undefined ? [] : typeof v === 'string' ? [v] : v;
  const shown = (e: { permission?: string | readonly string[]; feature?: string | readonly string[] }) =>
    all(e.permission).every((p) => held.has(p)) && !all(e.feature).some((f) => off.has(f));
  return {
    ...config,
    navigation: {
      items: config.navigation.items.filter(shown),
      quickActions: config.navigation.quickActions.filter(shown),
    },
    dashboard: { widgets: config.dashboard.widgets.filter(shown) },
  };
};
