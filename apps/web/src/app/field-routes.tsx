import type { Permission } from '@tessera/contracts';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { lazyComponent } from './lazy-page';
import { RequirePermission } from './require-permission';

const DispatchBoardPage = lazyComponent(() =>
  import('../features/field-dispatch/components/dispatch-board-page').then((m) => m.DispatchBoardPage),
);
const MyJobsPage = lazyComponent(() =>
  import('../features/field-crew/components/my-jobs-page').then((m) => m.MyJobsPage),
);

const guarded = (path: string, permission: Permission, element: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{element}</RequirePermission>,
});

/** The field module's screens: the dispatch board and the crew's "my jobs today". */
export const fieldRoutes: RouteObject[] = [
  guarded('dispatch', 'jobs.dispatch', <DispatchBoardPage />),
  guarded('my-jobs', 'jobs.work', <MyJobsPage />),
];
