import { ErrorAlert } from '../components/ui/alert';
import { PageHeader } from '../components/ui/page-header';
import { Skeleton } from '../components/ui/skeleton';
import { OnboardingChecklist } from '../features/onboarding/components/onboarding-checklist';
import { HealthSummary } from '../features/status/components/health-summary';
import { useDocumentTitle } from '../hooks/use-document-title';
import { useMyHub } from '../lib/hub';
import { HubDashboard, HubQuickActions } from './hub-dashboard';

export function DashboardPage() {
  useDocumentTitle('Dashboard');
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
      </div>
    </>
  );
}
