import { Link } from 'react-router';
import { ErrorAlert } from '../components/ui/alert';
import { Card, CardBody, CardHeader } from '../components/ui/card';
import { focusRing } from '../components/ui/focus-ring';
import { PageHeader } from '../components/ui/page-header';
import { Skeleton } from '../components/ui/skeleton';
import { OnboardingChecklist } from '../features/onboarding/components/onboarding-checklist';
import { HealthSummary } from '../features/status/components/health-summary';
import { useDocumentTitle } from '../hooks/use-document-title';
import { usePermissions } from '../hooks/use-permission';
import { cn } from '../lib/cn';
import { useMyHub } from '../lib/hub';
import { HubDashboard, HubQuickActions } from './hub-dashboard';
import { canSee, comingSoonItems } from './navigation';

export function DashboardPage() {
  useDocumentTitle('Dashboard');
  const held = usePermissions();
  const modules = comingSoonItems.filter((item) => canSee(item, held));
  const hub = useMyHub();
  return (
    <>
      <PageHeader
        title={hub.data?.config.metadata.displayName ?? 'Dashboard'}
        description="Your numbers, tasks and activity, as your role's hub arranges them."
        actions={hub.data ? <HubQuickActions config={hub.data.config} /> : null}
      />
      <div className="grid gap-6">
        <OnboardingChecklist />
        {hub.isPending ? <Skeleton className="h-64" /> : null}
        {hub.error ? (
          <ErrorAlert error={hub.error} title="Could not load your hub" onRetry={() => void hub.refetch()} />
        ) : null}
        {hub.data ? <HubDashboard config={hub.data.config} /> : null}
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
