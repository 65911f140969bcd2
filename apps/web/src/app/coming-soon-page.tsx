import { Link } from 'react-router';
import { buttonClasses } from '../components/ui/button';
import { EmptyState } from '../components/ui/empty-state';
import { SparkIcon } from '../components/ui/icons';
import { PageHeader } from '../components/ui/page-header';
import { useDocumentTitle } from '../hooks/use-document-title';
import type { NavItem } from './navigation';

/** The one placeholder page for every module that is not built yet. */
export function ComingSoonPage({ module }: { module: NavItem }) {
  useDocumentTitle(module.label);
  return (
    <>
      <PageHeader title={module.label} description={module.description} />
      <EmptyState
        icon={<SparkIcon />}
        title={`${module.label} is coming soon`}
        description={
          <p>
            This module is being built. In the meantime you can check that everything is running on the system
            status page.
          </p>
        }
        action={
          <>
            <Link to="/" className={buttonClasses({ variant: 'secondary' })}>
              Back to dashboard
            </Link>
            <Link to="/status" className={buttonClasses({ variant: 'ghost' })}>
              System status
            </Link>
          </>
        }
      />
    </>
  );
}
