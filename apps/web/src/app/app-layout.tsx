import { type ReactNode, useEffect, useState } from 'react';
import { Link, Navigate, Outlet } from 'react-router';
import { ReconnectBanner } from '../components/reconnect-banner';
import { focusRing } from '../components/ui/focus-ring';
import { Toaster } from '../components/ui/toaster';
import { usePermissions } from '../hooks/use-permission';
import { useRealtime } from '../hooks/use-realtime';
import { cn } from '../lib/cn';
import { isPortalOnly } from '../lib/permissions';
import { useTenantSettings } from '../lib/tenant-settings';
import { AppHeader } from './app-header';
import { CommandPalette } from './command-palette/command-palette';
import { PageErrorBoundary } from './error-boundary';
import { Sidebar } from './sidebar';

function Logo() {
  return (
    <Link to="/" className={cn('flex items-center gap-2 rounded-md px-2 py-1', focusRing)}>
      <img src="/favicon.svg" alt="" className="size-7" />
      <span className="text-lg font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">Tessera</span>
    </Link>
  );
}

/**
 * Sidebar + header + page; `children` replace the route outlet (used by the signed-in 404 page). A customer-portal
 * member never gets the staff frame: they go to `/portal` (ADR 0035).
 */
export function AppLayout({ children }: { children?: ReactNode }) {
  const held = usePermissions();
  if (isPortalOnly(held)) return <Navigate to="/portal" replace />;
  return <StaffLayout>{children}</StaffLayout>;
}

function StaffLayout({ children }: { children?: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  useRealtime();
  // Pages format money and dates with the company's locale: they render once the settings are known (or failed).
  const settings = useTenantSettings();
  const settled = !settings.isPending;

  useEffect(() => {
    if (!menuOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setMenuOpen(false);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [menuOpen]);

  return (
    <div className="min-h-screen bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <a
        href="#main"
        className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium focus:not-sr-only focus:fixed focus:top-2 focus:left-2 focus:z-60 dark:bg-zinc-900"
      >
        Skip to content
      </a>
      <ReconnectBanner />
      <Toaster />
      <CommandPalette />
      {menuOpen ? (
        <button
          type="button"
          aria-hidden="true"
          tabIndex={-1}
          className="fixed inset-0 z-30 bg-zinc-950/40 lg:hidden"
          onClick={() => setMenuOpen(false)}
        />
      ) : null}
      <div className="flex">
        <aside
          id="app-sidebar"
          className={cn(
            'fixed inset-y-0 left-0 z-40 w-64 shrink-0 overflow-y-auto border-r border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900',
            'lg:sticky lg:top-0 lg:block lg:h-screen',
            menuOpen ? 'block' : 'hidden',
          )}
        >
          <div className="flex h-14 items-center border-b border-zinc-200 px-3 dark:border-zinc-800">
            <Logo />
          </div>
          <Sidebar onNavigate={() => setMenuOpen(false)} />
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <AppHeader menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((open) => !open)} />
          <main
            id="main"
            tabIndex={-1}
            className="mx-auto w-full max-w-6xl flex-1 px-4 py-8 focus:outline-none sm:px-6 lg:px-8"
          >
            <PageErrorBoundary>{settled ? (children ?? <Outlet />) : null}</PageErrorBoundary>
          </main>
        </div>
      </div>
    </div>
  );
}
