import { QueryErrorResetBoundary } from '@tanstack/react-query';
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { isRouteErrorResponse, Link, useLocation, useRouteError } from 'react-router';
import { Button, buttonClasses } from '../components/ui/button';
import { AlertIcon } from '../components/ui/icons';
import { isApiClientError } from '../lib/api-error';
import { NotFoundPage } from './not-found-page';

export interface ErrorFallbackProps {
  error: unknown;
  onRetry: () => void;
}

/** Friendly replacement for a crashed page: never a blank screen. */
export function ErrorFallback({ error, onRetry }: ErrorFallbackProps) {
  const requestId = isApiClientError(error) ? error.requestId : undefined;
  const detail = error instanceof Error ? error.message : undefined;
  return (
    <div role="alert" className="mx-auto flex max-w-lg flex-col items-center px-6 py-16 text-center">
      <div className="mb-4 flex size-12 items-center justify-center rounded-full bg-red-50 text-red-600 dark:bg-red-500/10 dark:text-red-400">
        <AlertIcon />
      </div>
      <h1 className="text-lg font-semibold text-zinc-900 dark:text-zinc-50">Something went wrong</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This page ran into a problem. Try again, and if it keeps happening, go back to the dashboard.
      </p>
      <div className="mt-6 flex flex-wrap justify-center gap-3">
        <Button onClick={onRetry}>Try again</Button>
        <Link to="/" reloadDocument className={buttonClasses({ variant: 'secondary' })}>
          Go to dashboard
        </Link>
      </div>
      {detail || requestId ? (
        <details className="mt-6 w-full text-left text-xs text-zinc-500 dark:text-zinc-400">
          <summary className="cursor-pointer">Technical details</summary>
          {detail ? <p className="mt-2 break-words font-mono">{detail}</p> : null}
          {requestId ? <p className="mt-1 font-mono">Request ID: {requestId}</p> : null}
        </details>
      ) : null}
    </div>
  );
}

interface ErrorBoundaryProps {
  children: ReactNode;
  fallback: (props: ErrorFallbackProps) => ReactNode;
  onReset?: () => void;
}

interface ErrorBoundaryState {
  failed: boolean;
  error: unknown;
}

/** React error boundary; `fallback` gets the error and a retry callback that re-renders the children. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false, error: undefined };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { failed: true, error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('A page crashed while rendering', error, info.componentStack);
  }

  retry = (): void => {
    this.props.onReset?.();
    this.setState({ failed: false, error: undefined });
  };

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return this.props.fallback({ error: this.state.error, onRetry: this.retry });
  }
}

/** Per-page boundary: resets on navigation and resets failed queries on "Try again". */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <QueryErrorResetBoundary>
      {({ reset }) => (
        <ErrorBoundary key={pathname} onReset={reset} fallback={(props) => <ErrorFallback {...props} />}>
          {children}
        </ErrorBoundary>
      )}
    </QueryErrorResetBoundary>
  );
}

/** Route `errorElement`: 404 responses get the not-found page, anything else the friendly fallback. */
export function RouteErrorPage() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundPage />;
  return (
    <div className="min-h-[60vh] bg-zinc-50 text-zinc-900 dark:bg-zinc-950 dark:text-zinc-100">
      <ErrorFallback error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}
