import { Navigate, Outlet } from 'react-router';
import { ReconnectBanner } from '../components/reconnect-banner';
import { ThemeToggle } from '../components/theme-toggle';
import { Toaster } from '../components/ui/toaster';
import { UserMenu } from '../features/auth/components/user-menu';
import { usePermissions } from '../hooks/use-permission';
import { isPortalOnly } from '../lib/permissions';
import { PageErrorBoundary } from './error-boundary';

/**
 * The customer portal's own frame: the logo, theme and user menu — no staff sidebar, search or notifications.
 * Staff who open `/portal` go to their dashboard.
 */
export function PortalLayout() {
  const held = usePermissions();
  if (!isPortalOnly(held)) return <Navigate to="/" replace />;
  return (
    <div className="min-h-screen bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <ReconnectBanner />
      <Toaster />
      <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex h-14 max-w-3xl items-center justify-between gap-3 px-4">
          <div className="flex items-center gap-2">
            <img src="/favicon.svg" alt="" className="size-7" />
            <span className="text-lg font-semibold tracking-tight">Tessera</span>
            <span className="hidden text-sm text-zinc-500 sm:inline dark:text-zinc-400">Customer portal</span>
          </div>
          <div className="flex items-center gap-1">
            <ThemeToggle />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        <PageErrorBoundary>
          <Outlet />
        </PageErrorBoundary>
      </main>
    </div>
  );
}
