import { Link } from 'react-router';
import { buttonClasses } from '../../../components/ui/button';
import { PageHeader } from '../../../components/ui/page-header';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { useSession } from '../../../hooks/use-me';
import { NameCard } from './name-card';
import { PasswordCard } from './password-card';
import { SessionsCard } from './sessions-card';
import { TwoFactorCard } from './two-factor-card';

/** `/profile`: the signed-in user's name, password, two-factor authentication and sessions. */
export function ProfilePage() {
  useDocumentTitle('Profile');
  const { user } = useSession();
  return (
    <>
      <PageHeader
        title="Profile"
        description={`Signed in as ${user.email}.`}
        actions={
          <Link to="/profile/notifications" className={buttonClasses({ variant: 'secondary' })}>
            Notification preferences
          </Link>
        }
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
        <NameCard />
        <PasswordCard />
        <div className="lg:col-span-2">
          <TwoFactorCard />
        </div>
        <div className="lg:col-span-2">
          <SessionsCard />
        </div>
      </div>
    </>
  );
}
