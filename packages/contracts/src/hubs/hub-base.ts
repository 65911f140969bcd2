import type { HubConfig, HubNavItem, HubOverride, HubWidget } from './hub-config.ts';
import { hubNav } from './hub-nav.ts';

export { hubNav };

const n = (...keys: (keyof typeof hubNav)[]): HubNavItem[] => keys.map((k) => ({ ...hubNav[k] }));

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
const w = (key: WidgetKey, x: number, y: number, width: number, h: number): HubWidget => ({
  ...hubWidgets[key],
  options: { ...hubWidgets[key].options },
  area: area(x, y, width, h),
});

/** The base every role starts from. */
export const baseHubConfig: HubConfig = {
  metadata: { version: 1, displayName: 'Workspace', icon: 'home', theme: { mode: 'system' } },
  navigation: {
    items: n('dashboard', 'leads', 'contacts', 'companies', 'deals', 'tasks', 'reports'),
    quickActions: [
      {
        id: 'new-lead',
        label: 'New lead',
        path: '/leads?new=1',
        icon: 'plus',
        permission: 'leads.create',
        feature: 'crm',
      },
      {
        id: 'new-task',
        label: 'New task',
        path: '/tasks?new=1',
        icon: 'check',
        permission: 'tasks.create',
        feature: 'crm',
      },
    ],
  },
  dashboard: { widgets: [w('myTasks', 0, 0, 6, 3), w('activity', 6, 0, 6, 3)] },
  features: {},
};

const managerDashboard = [
  w('pipelineValue', 0, 0, 3, 1),
  w('winRate', 3, 0, 3, 1),
  w('salesCycle', 6, 0, 3, 1),
  w('recentLeads', 9, 0, 3, 3),
  w('pipelineByStage', 0, 1, 9, 3),
  w('revenueByMonth', 0, 4, 6, 3),
  w('leadFunnel', 6, 4, 6, 3),
  w('leadSources', 0, 7, 4, 3),
  w('sourceRoi', 4, 7, 8, 3),
  w('receivables', 0, 10, 3, 1),
  w('invoiceAgeing', 3, 10, 4, 3),
  w('arByMonth', 7, 10, 5, 3),
  w('myTasks', 0, 13, 6, 3),
  w('activity', 6, 13, 6, 3),
];
const everything = n(
  'dashboard',
  'leads',
  'contacts',
  'companies',
  'deals',
  'quotes',
  'invoices',
  'commissions',
  'projects',
  'timesheet',
  'expenses',
  'approvals',
  'tasks',
  'scheduling',
  'jobs',
  'dispatch',
  'documents',
  'reports',
);

/** The role layer: what each role template changes on the base (deep-merged; arrays replace). */
export const roleHubConfigs: Record<string, HubOverride> = {
  owner: {
    metadata: { displayName: 'Owner hub', icon: 'crown' },
    navigation: { items: everything },
    dashboard: { widgets: managerDashboard },
  },
  admin: {
    metadata: { displayName: 'Admin hub', icon: 'shield' },
    navigation: { items: everything },
    dashboard: { widgets: managerDashboard },
  },
  manager: {
    metadata: { displayName: 'Manager hub', icon: 'chart' },
    navigation: { items: everything },
    dashboard: { widgets: managerDashboard },
  },
  sales: {
    metadata: { displayName: 'Sales hub', icon: 'target' },
    navigation: {
      items: n(
        'dashboard',
        'leads',
        'deals',
        'contacts',
        'companies',
        'tasks',
        'quotes',
        'commissions',
        'scheduling',
        'reports',
      ),
    },
    dashboard: {
      widgets: [
        w('pipelineValue', 0, 0, 4, 1),
        w('winRate', 4, 0, 4, 1),
        w('salesCycle', 8, 0, 4, 1),
        w('pipelineByStage', 0, 1, 8, 3),
        w('recentLeads', 8, 1, 4, 3),
        w('myTasks', 0, 4, 6, 3),
        w('leadFunnel', 6, 4, 6, 3),
      ],
    },
  },
  marketing: {
    metadata: { displayName: 'Marketing hub', icon: 'megaphone' },
    navigation: { items: n('dashboard', 'leads', 'contacts', 'companies', 'reports') },
    dashboard: {
      widgets: [
        w('leadFunnel', 0, 0, 6, 3),
        w('leadSources', 6, 0, 6, 3),
        w('sourceRoi', 0, 3, 12, 3),
        w('recentLeads', 0, 6, 6, 3),
      ],
    },
  },
  dispatch: {
    metadata: { displayName: 'Dispatch hub', icon: 'map' },
    navigation: { items: n('dashboard', 'dispatch', 'jobs', 'scheduling', 'contacts', 'tasks') },
  },
  hr: {
    metadata: { displayName: 'HR hub', icon: 'users' },
    navigation: {
      items: n('dashboard', 'projects', 'timesheet', 'expenses', 'approvals', 'tasks', 'documents'),
    },
  },
  contractor: {
    metadata: { displayName: 'Contractor hub', icon: 'wrench' },
    navigation: { items: n('dashboard', 'jobs', 'projects', 'timesheet', 'expenses', 'tasks', 'documents') },
  },
  crew: {
    metadata: { displayName: 'Crew hub', icon: 'wrench' },
    navigation: { items: n('dashboard', 'jobs', 'timesheet', 'expenses', 'tasks', 'documents') },
    dashboard: { widgets: [w('myTasks', 0, 0, 12, 3)] },
  },
  canvasser: {
    metadata: { displayName: 'Canvasser hub', icon: 'map' },
    navigation: { items: n('dashboard', 'leads', 'tasks') },
    dashboard: { widgets: [w('myTasks', 0, 0, 12, 3)] },
  },
  customer: {
    metadata: { displayName: 'Customer portal', icon: 'user' },
    navigation: { items: n('dashboard', 'quotes', 'invoices', 'documents'), quickActions: [] },
    dashboard: { widgets: [] },
  },
  warehouse: {
    metadata: { displayName: 'Warehouse hub', icon: 'box' },
    navigation: { items: n('dashboard', 'jobs', 'tasks') },
    dashboard: { widgets: [w('myTasks', 0, 0, 12, 3)] },
  },
};
