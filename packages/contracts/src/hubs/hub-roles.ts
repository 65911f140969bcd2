import type { HubOverride } from './hub-config.ts';
import { n, w } from './hub-widgets.ts';

// The role layer on top of baseHubConfig (hub-base.ts): each system role's nav and dashboard.

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
