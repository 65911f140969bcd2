import type { Permission } from '@tessera/contracts';
import { Link } from 'react-router';
import { useDocumentTitle } from '../hooks/use-document-title';
import { buttonClasses } from './ui/button';
import { EmptyState } from './ui/empty-state';
import { LockIcon } from './ui/icons';

/** The 403 page: shown instead of a page whose permission the user lacks (e.g. a typed URL). */
export function ForbiddenState({ permission }: { permission?: Permission | undefined }) {
  useDocumentTitle('No access');
  return (
    <div data-testid="forbidden">
      <EmptyState
        headingLevel={1}
        icon={<LockIcon />}
        title="You don't have access to this page"
        description={
          <p>
            Your role in this company does not allow it
            {permission ? (
              <>
                {' '}
                (it needs{' '}
                <code className="rounded bg-zinc-100 px-1 py-0.5 dark:bg-zinc-800">{permission}</code>)
              </>
            ) : null}
            . Ask an administrator if you need access.
          </p>
        }
        action={
          <Link to="/" className={buttonClasses({ variant: 'secondary' })}>
            Go to dashboard
          </Link>
        }
      />
    </div>
  );
}
