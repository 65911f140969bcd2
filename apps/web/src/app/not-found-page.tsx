import { Link, useLocation } from 'react-router';
import { buttonClasses } from '../components/ui/button';
import { EmptyState } from '../components/ui/empty-state';
import { useDocumentTitle } from '../hooks/use-document-title';

export function NotFoundPage() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found');
  return (
    <EmptyState
      headingLevel={1}
      title="Page not found"
      description={
        <p>
          There is no page at{' '}
          <code className="rounded bg-zinc-100 px-1 py-0.5 dark:bg-zinc-800">{pathname}</code>. It may have
          moved, or the link may be wrong.
        </p>
      }
      action={
        <Link to="/" className={buttonClasses()}>
          Go to dashboard
        </Link>
      }
    />
  );
}
