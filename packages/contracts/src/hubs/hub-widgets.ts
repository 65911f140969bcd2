import type { HubNavItem, HubWidget } from './hub-config.ts';
import { hubNav } from './hub-nav.ts';

// The building blocks of the role hubs (hub-base.ts, hub-roles.ts): nav items and the widget catalogue.

/** Copies of the named nav items, in this order. */
export const n = (...keys: (keyof typeof hubNav)[]): HubNavItem[] => keys.map((k) => ({ ...hubNav[k] }));

/** A KPI widget needs `reports.view` and the KPI's own data permission and module (checked by a server test). */
type Needs = Pick<HubWidget, 'permission' | 'feature'>;
const deals: Needs = { permission: ['reports.view', 'deals.view'], feature: ['reporting', 'crm'] };
const leads: Needs = { permission: ['reports.view', 'leads.view'], feature: ['reporting', 'crm'] };
const money: Needs = { permission: ['reports.view', 'invoices.view'], feature: ['reporting', 'sales'] };
const area = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

/** Dashboard widgets the role configs pick from (placed by each role). */
export const hubWidgets = {
  pipelineValue: {
    id: 'pipeline-value',
    type: 'kpi-number',
    title: 'Weighted pipeline',
    dataSource: 'kpi:pipeline-value',
    refreshSeconds: 300,
    options: { measure: 'weightedCents' },
    ...deals,
  },
  winRate: {
    id: 'win-rate',
    type: 'kpi-number',
    title: 'Win rate',
    dataSource: 'kpi:win-rate',
    refreshSeconds: 300,
    options: { measure: 'rate' },
    ...deals,
  },
  salesCycle: {
    id: 'sales-cycle',
    type: 'kpi-number',
    title: 'Average sales cycle',
    dataSource: 'kpi:sales-cycle',
    refreshSeconds: 0,
    options: { measure: 'averageDays' },
    ...deals,
  },
  pipelineByStage: {
    id: 'pipeline-by-stage',
    type: 'bar-chart',
    title: 'Pipeline by stage',
    dataSource: 'kpi:pipeline-value',
    refreshSeconds: 300,
    options: { category: 'stage', measure: 'valueCents' },
    ...deals,
  },
  revenueByMonth: {
    id: 'revenue-by-month',
    type: 'line-chart',
    title: 'Deals won by month',
    dataSource: 'kpi:revenue-by-month',
    refreshSeconds: 0,
    options: { grouping: 'month', measure: 'revenueCents' },
    ...deals,
  },
  leadFunnel: {
    id: 'lead-funnel',
    type: 'funnel-chart',
    title: 'Lead funnel',
    dataSource: 'kpi:lead-funnel',
    refreshSeconds: 300,
    options: { category: 'status', measure: 'reached', drillParam: 'status' },
    ...leads,
  },
  leadSources: {
    id: 'lead-sources',
    type: 'pie-chart',
    title: 'Leads by source',
    dataSource: 'kpi:lead-sources',
    refreshSeconds: 0,
    options: { category: 'source', measure: 'leads', drillParam: 'source' },
    ...leads,
  },
  sourceRoi: {
    id: 'source-roi',
    type: 'table',
    title: 'Source ROI',
    dataSource: 'kpi:lead-sources',
    refreshSeconds: 0,
    options: {},
    ...leads,
  },
  invoiceAgeing: {
    id: 'invoice-ageing',
    type: 'bar-chart',
    title: 'Invoice ageing',
    dataSource: 'kpi:invoice-ageing',
    refreshSeconds: 300,
    options: { category: 'bucket', measure: 'balanceCents' },
    ...money,
  },
  receivables: {
    id: 'receivables',
    type: 'kpi-number',
    title: 'Open receivables',
    dataSource: 'kpi:ar-summary',
    refreshSeconds: 300,
    options: { measure: 'openCents' },
    ...money,
  },
  arByMonth: {
    id: 'ar-by-month',
    type: 'line-chart',
    title: 'Open receivables by month',
    dataSource: 'kpi:ar-summary',
    refreshSeconds: 0,
    options: { grouping: 'month', measure: 'openCents' },
    ...money,
  },
  myTasks: {
    id: 'my-tasks',
    type: 'my-tasks',
    title: 'My tasks',
    dataSource: 'tasks:mine',
    refreshSeconds: 60,
    options: {},
    permission: 'tasks.view',
    feature: 'crm',
  },
  recentLeads: {
    id: 'recent-leads',
    type: 'recent-leads',
    title: 'Recent leads',
    dataSource: 'leads:recent',
    refreshSeconds: 60,
    options: {},
    permission: 'leads.view',
    feature: 'crm',
  },
  activity: {
    id: 'activity',
    type: 'activity-feed',
    title: 'Recent activity',
    dataSource: 'activities:recent',
    refreshSeconds: 60,
    options: {},
    permission: 'activities.view',
    feature: 'crm',
  },
} as const satisfies Record<string, Omit<HubWidget, 'area'>>;

type WidgetKey = keyof typeof hubWidgets;
/** A copy of a catalogue widget placed at x, y with width and height on the 12-column grid. */
export const w = (key: WidgetKey, x: number, y: number, width: number, h: number): HubWidget => ({
  ...hubWidgets[key],
  options: { ...hubWidgets[key].options },
  area: area(x, y, width, h),
});
