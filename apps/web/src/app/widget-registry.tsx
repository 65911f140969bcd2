import type { HubWidget, WidgetType } from '@tessera/contracts';
import type { ComponentType } from 'react';
import { ActivityFeedCard } from '../features/crm-activities/components/activity-feed-card';
import { RecentLeadsCard } from '../features/crm-leads/components/recent-leads-card';
import { MyTasksCard } from '../features/crm-tasks/components/my-tasks-card';
import { KpiChartWidget } from '../features/reporting/components/kpi-chart-widget';
import { KpiNumberWidget, KpiTableWidget } from '../features/reporting/components/kpi-widgets';

export interface WidgetProps {
  widget: HubWidget;
}

/**
 * The widget registry: hub widget type → component. A module adds its widget types here; the hub config
 * names a type and a data source, never a component.
 */
export const widgetRegistry: Partial<Record<WidgetType, ComponentType<WidgetProps>>> = {
  'my-tasks': () => <MyTasksCard />,
  'recent-leads': () => <RecentLeadsCard />,
  'kpi-number': ({ widget }) => <KpiNumberWidget {...widget} />,
  table: ({ widget }) => <KpiTableWidget {...widget} />,
  'bar-chart': ({ widget }) => <KpiChartWidget kind="bar" {...widget} />,
  'line-chart': ({ widget }) => <KpiChartWidget kind="line" {...widget} />,
  'funnel-chart': ({ widget }) => <KpiChartWidget kind="funnel" {...widget} />,
  'pie-chart': ({ widget }) => <KpiChartWidget kind="pie" {...widget} />,
  'activity-feed': ({ widget }) => (
    <ActivityFeedCard title={widget.title} refreshSeconds={widget.refreshSeconds} />
  ),
};
