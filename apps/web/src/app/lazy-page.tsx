import { type ComponentType, type JSX, lazy, type ReactNode, Suspense } from 'react';
import { Spinner } from '../components/ui/spinner';

/** What a page shows while its code loads. */
export function PageLoading() {
  return (
    <div className="flex min-h-40 items-center justify-center text-zinc-500" aria-busy="true">
      <Spinner label="Loading" className="size-5" />
    </div>
  );
}

/**
 * A component whose code is a separate chunk, loaded the first time it renders (route-level code splitting:
 * the sign-in page does not download the CRM). `load` picks the named export; `fallback` shows meanwhile
 * (a spinner for pages, nothing for small widgets). A chunk that fails to load reaches the route's error page.
 */
export function lazyComponent<P extends object>(
  load: () => Promise<ComponentType<P>>,
  fallback: ReactNode = <PageLoading />,
): (props: P) => JSX.Element {
  const Lazy = lazy(async () => ({ default: await load() }));
  const LazyComponent = (props: P) => (
    <Suspense fallback={fallback}>
      <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
    </Suspense>
  );
  return LazyComponent;
}
