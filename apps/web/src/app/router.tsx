import { createBrowserRouter, type RouteObject } from 'react-router';
import { AcceptInvitePage } from '../features/auth/components/accept-invite-page';
import { ForgotPasswordPage } from '../features/auth/components/forgot-password-page';
import { LoginPage } from '../features/auth/components/login-page';
import { ResetPasswordPage } from '../features/auth/components/reset-password-page';
import { SignupPage } from '../features/auth/components/signup-page';
import { ProfilePage } from '../features/profile/components/profile-page';
import { StatusPage } from '../features/status/components/status-page';
import { AppLayout } from './app-layout';
import { AuthLayout } from './auth-layout';
import { ComingSoonPage } from './coming-soon-page';
import { crmRoutes } from './crm-routes';
import { DashboardPage } from './dashboard-page';
import { RouteErrorPage } from './error-boundary';
import { comingSoonItems } from './navigation';
import { NotFoundRoute } from './not-found-route';
import { RequirePermission } from './require-permission';
import { RequireSession } from './require-session';
import { settingsRoute } from './settings-routes';

/** Public pages: centred layout, no session needed. */
const publicRoutes: RouteObject = {
  element: <AuthLayout />,
  errorElement: <RouteErrorPage />,
  children: [
    { path: 'login', element: <LoginPage /> },
    { path: 'signup', element: <SignupPage /> },
    { path: 'forgot-password', element: <ForgotPasswordPage /> },
    { path: 'reset-password', element: <ResetPasswordPage /> },
    { path: 'invite', element: <AcceptInvitePage /> },
  ],
};

/** Everything else needs a session (guard), then each module its permission. */
const appRoutes: RouteObject = {
  element: (
    <RequireSession>
      <AppLayout />
    </RequireSession>
  ),
  errorElement: <RouteErrorPage />,
  children: [
    {
      // Pathless: errors thrown by page loaders/actions render inside the layout.
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <DashboardPage /> },
        { path: 'status', element: <StatusPage /> },
        { path: 'profile', element: <ProfilePage /> },
        settingsRoute,
        ...crmRoutes,
        ...comingSoonItems.map((item) => ({
          path: item.path,
          element: item.permission ? (
            <RequirePermission permission={item.permission}>
              <ComingSoonPage module={item} />
            </RequirePermission>
          ) : (
            <ComingSoonPage module={item} />
          ),
        })),
      ],
    },
  ],
};

export const routes: RouteObject[] = [
  publicRoutes,
  appRoutes,
  { path: '*', element: <NotFoundRoute />, errorElement: <RouteErrorPage /> },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
