import type { HubConfig } from '@tessera/contracts';
import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import { Alert } from '../components/ui/alert';
import { buttonClasses } from '../components/ui/button';
import { Card, CardBody, CardHeader } from '../components/ui/card';
import { PageErrorBoundary } from './error-boundary';
import { widgetRegistry } from './widget-registry';

/** The quick actions of the hub, as a row of buttons. */
export function HubQuickActions({ config }: { config: HubConfig }) {
  if (config.navigation.quickActions.length === 0) return null;
  return (
    <nav aria-label="Quick actions" className="flex flex-wrap gap-2">
      {config.navigation.quickActions.map((action) => (
        <Link
          key={action.id}
          to={action.path}
          className={buttonClasses({ variant: 'secondary', size: 'sm' })}
        >
          {action.label}
        </Link>
      ))}
    </nav>
  );
}

/** The hub's widgets on a 12-column grid (stacked in reading order on narrow screens). */
export function HubDashboard({ config }: { config: HubConfig }) {
  const widgets = [...config.dashboard.widgets].sort((a, b) => a.area.y - b.area.y || a.area.x - b.area.x);
  if (widgets.length === 0) return <Alert tone="info">This hub has no widgets yet.</Alert>;
  return (
    <div
      className="grid grid-cols-1 gap-4 lg:auto-rows-[minmax(5.5rem,auto)] lg:grid-cols-12"
      data-testid="hub-dashboard"
    >
      {widgets.map((widget) => {
        const Widget = widgetRegistry[widget.type];
        const style = {
          '--col': `${widget.area.x + 1} / span ${widget.area.w}`,
          '--row': `${widget.area.y + 1} / span ${widget.area.h}`,
        } as CSSProperties;
        return (
          <div
            key={widget.id}
            data-widget={widget.id}
            style={style}
            className="min-w-0 lg:[grid-column:var(--col)] lg:[grid-row:var(--row)]"
          >
            <PageErrorBoundary>
              {Widget ? (
                <Widget widget={widget} />
              ) : (
                <Card className="h-full">
                  <CardHeader title={widget.title} />
                  <CardBody className="text-sm text-zinc-600 dark:text-zinc-400">
                    This widget type is not available.
                  </CardBody>
                </Card>
              )}
            </PageErrorBoundary>
          </div>
        );
      })}
    </div>
  );
}
