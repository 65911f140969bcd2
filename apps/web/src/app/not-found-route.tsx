import { Spinner } from '../components/ui/spinner';
import { useMe } from '../hooks/use-me';
import { AuthLayout } from './auth-layout';
import { lazyComponent } from './lazy-page';
import { NotFoundPage } from './not-found-page';
import { FullScreen } from './require-session';

const AppLayout = lazyComponent(() => import('./app-layout').then((m) => m.AppLayout));

/** 404 for any unknown URL: inside the app layout when signed in, in the public layout otherwise. */
export function NotFoundRoute() {
  const me = useMe();
  if (me.isPending) {
    return (
      <FullScreen>
        <Spinner label="Loading" className="size-5" />
      </FullScreen>
    );
  }
  return me.data ? (
    <AppLayout>
      <NotFoundPage />
    </AppLayout>
  ) : (
    <AuthLayout>
      <NotFoundPage />
    </AuthLayout>
  );
}
