import { createBrowserRouter, type RouteObject } from 'react-router';
import { StatusPage } from '../features/status/components/status-page';
import { AppLayout } from './app-layout';
import { ComingSoonPage } from './coming-soon-page';
import { DashboardPage } from './dashboard-page';
import { RouteErrorPage } from './error-boundary';
import { comingSoonItems } from './navigation';
import { NotFoundPage } from './not-found-page';

export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      {
        // Pathless: errors thrown by page loaders/actions render inside the layout.
        errorElement: <RouteErrorPage />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: 'status', element: <StatusPage /> },
          ...comingSoonItems.map((item) => ({ path: item.path, element: <ComingSoonPage module={item} /> })),
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
