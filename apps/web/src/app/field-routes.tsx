import type { Permission } from '@tessera/contracts';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { lazyComponent } from './lazy-page';
import { RequirePermission } from './require-permission';
import { usePeopleDirectory } from './use-people-directory';

const DispatchBoardPage = lazyComponent(() =>
  import('../features/field-dispatch/components/dispatch-board-page').then((m) => m.DispatchBoardPage),
);
const JobsPage = lazyComponent(() =>
  import('../features/field-jobs/components/jobs-page').then((m) => m.JobsPage),
);
const JobDetailPage = lazyComponent(() =>
  import('../features/field-jobs/components/job-detail-page').then((m) => m.JobDetailPage),
);
const MyJobsPage = lazyComponent(() =>
  import('../features/field-crew/components/my-jobs-page').then((m) => m.MyJobsPage),
);

const TerritoriesPage = lazyComponent(() =>
  import('../features/field-canvassing/components/territories-page').then((m) => m.TerritoriesPage),
);
const TerritoryPage = lazyComponent(() =>
  import('../features/field-canvassing/components/territory-page').then((m) => m.TerritoryPage),
);
const TerritoryFormPage = lazyComponent(() =>
  import('../features/field-canvassing/components/territory-form-page').then((m) => m.TerritoryFormPage),
);
const CanvassingStatsPage = lazyComponent(() =>
  import('../features/field-canvassing/components/canvassing-stats-page').then((m) => m.CanvassingStatsPage),
);
const RecordVisitPage = lazyComponent(() =>
  import('../features/field-canvassing/components/record-visit-page').then((m) => m.RecordVisitPage),
);

const guarded = (path: string, permission: Permission, element: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{element}</RequirePermission>,
});

const TerritoryFormRoute = () => <TerritoryFormPage directory={usePeopleDirectory()} />;
const JobDetailRoute = () => <JobDetailPage directory={usePeopleDirectory()} />;
const CanvassingStatsRoute = () => <CanvassingStatsPage directory={usePeopleDirectory()} />;

/** The field module's screens: jobs, the dispatch board, the crew's "my jobs today", d2d territories. */
export const fieldRoutes: RouteObject[] = [
  guarded('jobs', 'jobs.view', <JobsPage />),
  guarded('jobs/:id', 'jobs.view', <JobDetailRoute />),
  guarded('dispatch', 'jobs.dispatch', <DispatchBoardPage />),
  guarded('my-jobs', 'jobs.work', <MyJobsPage />),
  guarded('canvassing', 'visits.create', <RecordVisitPage />),
  guarded('canvassing/stats', 'visits.view', <CanvassingStatsRoute />),
  guarded('territories', 'territories.view', <TerritoriesPage />),
  guarded('territories/new', 'territories.manage', <TerritoryFormRoute />),
  guarded('territories/:id', 'territories.view', <TerritoryPage />),
  guarded('territories/:id/edit', 'territories.manage', <TerritoryFormRoute />),
];
