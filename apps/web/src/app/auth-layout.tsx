import type { ReactNode } from 'react';
import { Link, Outlet } from 'react-router';
import { ReconnectBanner } from '../components/reconnect-banner';
import { ThemeToggle } from '../components/theme-toggle';
import { focusRing } from '../components/ui/focus-ring';
import { cn } from '../lib/cn';
import { PageErrorBoundary } from './error-boundary';

/** Centred layout of the public pages (sign-in, sign-up, password reset, invitation): no sidebar. */
export function AuthLayout({ children }: { children?: ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <ReconnectBanner />
      <div className="flex justify-end p-4">
        <ThemeToggle />
      </div>
      <main id="main" className="mx-auto flex w-full max-w-md flex-1 flex-col items-center px-4 pb-16">
        <Link to="/" className={cn('mb-8 flex items-center gap-2 rounded-md px-2 py-1', focusRing)}>
          <img src="/favicon.svg" alt="" className="size-9" />
          <span className="text-2xl font-semibold tracking-tight text-zinc-900 dark:text-zinc-50">
            Tessera
          </span>
        </Link>
        <PageErrorBoundary>{children ?? <Outlet />}</PageErrorBoundary>
      </main>
    </div>
  );
}
