import { createBrowserRouter, type RouteObject } from 'react-router';
import { AuthLayout } from './auth-layout';
import { ComingSoonPage } from './coming-soon-page';
import { crmRoutes } from './crm-routes';
import { RouteErrorPage } from './error-boundary';
import { fieldRoutes } from './field-routes';
import { lazyComponent } from './lazy-page';
import { comingSoonItems } from './navigation';
import { NotFoundRoute } from './not-found-route';
import { reportsRoutes } from './reports-routes';
import { RequirePermission } from './require-permission';
import { RequireSession } from './require-session';
import { salesRoutes } from './sales-routes';
import { schedulingRoutes } from './scheduling-routes';
import { settingsRoute } from './settings-routes';
import { usePeopleDirectory } from './use-people-directory';
import { workRoutes } from './work-routes';

// Each page is its own chunk (the sign-in page loads no CRM code); the layouts and guards are small and shared.
const LoginPage = lazyComponent(() =>
  import('../features/auth/components/login-page').then((m) => m.LoginPage),
);
const SignupPage = lazyComponent(() =>
  import('../features/auth/components/signup-page').then((m) => m.SignupPage),
);
const ForgotPasswordPage = lazyComponent(() =>
  import('../features/auth/components/forgot-password-page').then((m) => m.ForgotPasswordPage),
);
const ResetPasswordPage = lazyComponent(() =>
  import('../features/auth/components/reset-password-page').then((m) => m.ResetPasswordPage),
);
const AcceptInvitePage = lazyComponent(() =>
  import('../features/auth/components/accept-invite-page').then((m) => m.AcceptInvitePage),
);
const PortalLayout = lazyComponent(() => import('./portal-layout').then((m) => m.PortalLayout));
const PortalPage = lazyComponent(() =>
  import('../features/portal/components/portal-page').then((m) => m.PortalPage),
);
const AppLayout = lazyComponent(() => import('./app-layout').then((m) => m.AppLayout));
const DashboardPage = lazyComponent(() => import('./dashboard-page').then((m) => m.DashboardPage));
const StatusPage = lazyComponent(() =>
  import('../features/status/components/status-page').then((m) => m.StatusPage),
);
const NotificationsPage = lazyComponent(() =>
  import('../features/notifications/components/notifications-page').then((m) => m.NotificationsPage),
);
const ProfilePage = lazyComponent(() =>
  import('../features/profile/components/profile-page').then((m) => m.ProfilePage),
);

const NotificationPreferencesPage = lazyComponent(() =>
  import('../features/notifications/components/notification-preferences-page').then(
    (m) => m.NotificationPreferencesPage,
  ),
);

const DocumentsLibraryPage = lazyComponent(() =>
  import('../features/documents/components/documents-library-page').then((m) => m.DocumentsLibraryPage),
);
const DocumentsLibraryRoute = () => <DocumentsLibraryPage directory={usePeopleDirectory()} />;

const BookPage = lazyComponent(() =>
  import('../features/scheduling-booking/components/book-page').then((m) => m.BookPage),
);
const ManageBookingPage = lazyComponent(() =>
  import('../features/scheduling-booking/components/manage-booking-page').then((m) => m.ManageBookingPage),
);

const PublicQuotePage = lazyComponent(() =>
  import('../features/sales-documents/components/public-quote-page').then((m) => m.PublicQuotePage),
);

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
    { path: 'book/:tenantSlug/:typeSlug', element: <BookPage /> },
    { path: 'booking/:token', element: <ManageBookingPage /> },
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
        { path: 'notifications', element: <NotificationsPage /> },
        { path: 'profile/notifications', element: <NotificationPreferencesPage /> },
        settingsRoute,
        ...crmRoutes,
        ...salesRoutes,
        ...fieldRoutes,
        ...schedulingRoutes,
        ...workRoutes,
        ...reportsRoutes,
        {
          path: 'documents',
          element: (
            <RequirePermission permission="documents.view">
              <DocumentsLibraryRoute />
            </RequirePermission>
          ),
        },
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

/** The customer portal (ADR 0035): its own frame, no staff navigation; customers are sent here from `/`. */
const portalRoutes: RouteObject = {
  path: 'portal',
  element: (
    <RequireSession>
      <PortalLayout />
    </RequireSession>
  ),
  errorElement: <RouteErrorPage />,
  children: [{ index: true, element: <PortalPage /> }],
};

export const routes: RouteObject[] = [
  publicRoutes,
  portalRoutes,
  // The customer's quote link (e-mailed as `/q/<token>`): its own full-width page, the seller's branding.
  { path: 'q/:token', element: <PublicQuotePage />, errorElement: <RouteErrorPage /> },
  appRoutes,
  { path: '*', element: <NotFoundRoute />, errorElement: <RouteErrorPage /> },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
