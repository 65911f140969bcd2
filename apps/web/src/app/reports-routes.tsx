import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { RouteObject } from 'react-router';
import { personOptions } from '../components/records/person-options';
import { usePipelines } from '../features/crm-deals/api/list-pipelines';
import type { ReportPickers } from '../features/reporting/components/report-page';
import { teamsQueryOptions } from '../features/teams/api/list-teams';
import { useSession } from '../hooks/use-me';
import { usePermission } from '../hooks/use-permission';
import { lazyComponent } from './lazy-page';
import { RequirePermission } from './require-permission';
import { usePeopleDirectory } from './use-people-directory';

const ReportsPage = lazyComponent(() =>
  import('../features/reporting/components/reports-page').then((m) => m.ReportsPage),
);
const ReportPage = lazyComponent(() =>
  import('../features/reporting/components/report-page').then((m) => m.ReportPage),
);

/** The report filters' pickers: owners (the people directory), teams and pipelines the member may list. */
function useReportPickers(): ReportPickers {
  const me = useSession();
  const directory = usePeopleDirectory();
  const teams = useQuery({ ...teamsQueryOptions(), enabled: usePermission('teams.view') });
  const pipelines = usePipelines({ enabled: usePermission('deals.view') });
  return useMemo(
    () => ({
      owners: personOptions(directory, me.user.id, me.user.name),
      teams: teams.data?.map((t) => ({ value: t.id, label: t.name })),
      pipelines: pipelines.data?.map((p) => ({ value: p.id, label: p.name })),
    }),
    [directory, me.user, teams.data, pipelines.data],
  );
}

const ReportRoute = () => <ReportPage pickers={useReportPickers()} />;

/** Reports: the list of KPIs the member may run and one report with its period, filters, chart and CSV. */
export const reportsRoutes: RouteObject[] = [
  {
    path: 'reports',
    element: (
      <RequirePermission permission="reports.view">
        <ReportsPage />
      </RequirePermission>
    ),
  },
  {
    path: 'reports/:name',
    element: (
      <RequirePermission permission="reports.view">
        <ReportRoute />
      </RequirePermission>
    ),
  },
];
