import type { HubConfig } from './hub-config.ts';
import { hubNav } from './hub-nav.ts';
import { roleHubConfigs } from './hub-roles.ts';
import { hubWidgets, n, w } from './hub-widgets.ts';

// The base hub config and the role layer (hub-roles.ts) over the widget catalogue (hub-widgets.ts).
export { hubNav, hubWidgets, roleHubConfigs };

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
