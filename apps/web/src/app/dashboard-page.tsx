import { Link } from 'react-router';
import { Card, CardBody, CardHeader } from '../components/ui/card';
import { focusRing } from '../components/ui/focus-ring';
import { PageHeader } from '../components/ui/page-header';
import { RecentLeadsCard } from '../features/crm-leads/components/recent-leads-card';
import { MyTasksCard } from '../features/crm-tasks/components/my-tasks-card';
import { HealthSummary } from '../features/status/components/health-summary';
import { useDocumentTitle } from '../hooks/use-document-title';
import { usePermissions } from '../hooks/use-permission';
import { cn } from '../lib/cn';
import { canSee, comingSoonItems } from './navigation';

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const held = usePermissions();
  const modules = comingSoonItems.filter((item) => canSee(item, held));
  const canSeeTasks = held.has('tasks.view');
  const canSeeLeads = held.has('leads.view');
  return (
    <>
      <PageHeader title="Dashboard" description="Your open tasks and the newest leads, at a glance." />
      <div className="grid gap-6">
        {canSeeTasks || canSeeLeads ? (
          <div className="grid gap-6 lg:grid-cols-2">
            {canSeeTasks ? <MyTasksCard /> : null}
            {canSeeLeads ? <RecentLeadsCard /> : null}
          </div>
        ) : null}
        <HealthSummary />
        <Card aria-labelledby="modules-title">
          <CardHeader titleId="modules-title" title="Coming next" description="Modules on the way." />
          <CardBody>
            <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
              {modules.map((item) => (
                <li key={item.path}>
                  <Link
                    to={item.path}
                    className={cn(
                      'block h-full rounded-lg border border-zinc-200 p-3 transition-colors hover:border-indigo-300 hover:bg-indigo-50/50 dark:border-zinc-800 dark:hover:border-indigo-500/40 dark:hover:bg-indigo-500/5',
                      focusRing,
                    )}
                  >
                    <span className="block text-sm font-medium text-zinc-900 dark:text-zinc-100">
                      {item.label}
                    </span>
                    <span className="mt-0.5 block text-xs text-zinc-600 dark:text-zinc-400">
                      {item.description}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
