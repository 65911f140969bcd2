import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ReconnectBanner } from '../components/reconnect-banner';
import { ErrorAlert } from '../components/ui/alert';
import { Spinner } from '../components/ui/spinner';
import { useMe } from '../hooks/use-me';
import { loginPath } from '../lib/next-path';
import { useSessionStore } from '../stores/session-store';

/** Full-screen centred content (session check, its errors). */
export function FullScreen({ children }: { children: ReactNode }) {
  return (
    <div className="flex min-h-screen items-center justify-center bg-zinc-50 p-6 text-zinc-600 dark:bg-zinc-950 dark:text-zinc-400">
      <ReconnectBanner />
      {children}
    </div>
  );
}

/**
 * Route guard of every signed-in page: spinner while `GET /auth/me` loads, `/login?next=…` when there is no
 * session (or it expired and could not be refreshed), the page otherwise.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const me = useMe();
  const expired = useSessionStore((state) => state.expired);
  const location = useLocation();

  if (expired || me.data === null) return <Navigate to={loginPath(location)} replace />;
  if (me.data) return children;
  if (me.error) {
    return (
      <FullScreen>
        <div className="w-full max-w-md">
          <ErrorAlert
            error={me.error}
            title="Could not check your session"
            onRetry={() => void me.refetch()}
          />
        </div>
      </FullScreen>
    );
  }
  return (
    <FullScreen>
      <div className="flex items-center gap-3 text-sm" data-testid="session-loading">
        <Spinner className="size-5 text-indigo-600 dark:text-indigo-400" />
        Loading your workspace…
      </div>
    </FullScreen>
  );
}
