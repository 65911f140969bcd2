import type { Permission } from '@tessera/contracts';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { lazyComponent } from './lazy-page';
import { RequirePermission } from './require-permission';
import { usePeopleDirectory } from './use-people-directory';

// Each work page is its own chunk.
const ProjectsPage = lazyComponent(() =>
  import('../features/work/projects/projects-page').then((m) => m.ProjectsPage),
);
const ProjectPage = lazyComponent(() =>
  import('../features/work/projects/project-page').then((m) => m.ProjectPage),
);
const TimesheetPage = lazyComponent(() =>
  import('../features/work/timesheets/timesheet-page').then((m) => m.TimesheetPage),
);
const ApprovalsPage = lazyComponent(() =>
  import('../features/work/timesheets/approvals-page').then((m) => m.ApprovalsPage),
);
const ExpensesPage = lazyComponent(() =>
  import('../features/work/expenses/expenses-page').then((m) => m.ExpensesPage),
);

const ProjectsRoute = () => <ProjectsPage directory={usePeopleDirectory()} />;
const ProjectRoute = () => <ProjectPage directory={usePeopleDirectory()} />;
const TimesheetRoute = () => <TimesheetPage directory={usePeopleDirectory()} />;
const ApprovalsRoute = () => <ApprovalsPage directory={usePeopleDirectory()} />;
const ExpensesRoute = () => <ExpensesPage directory={usePeopleDirectory()} />;

const guarded = (path: string, permission: Permission, element: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{element}</RequirePermission>,
});

/** The work module's screens: projects, the weekly timesheet, approvals and expenses. */
export const workRoutes: RouteObject[] = [
  guarded('projects', 'projects.view', <ProjectsRoute />),
  guarded('projects/:id', 'projects.view', <ProjectRoute />),
  guarded('timesheet', 'timesheets.view', <TimesheetRoute />),
  guarded('approvals', 'timesheets.approve', <ApprovalsRoute />),
  guarded('expenses', 'expenses.view', <ExpensesRoute />),
];
