import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { buttonClasses } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { useRoles } from '../api/list-roles';
import { RoleForm } from './role-form';

const backLink = 'text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300';

/** `/settings/roles/new` and `/settings/roles/:roleId`: the role form (read-only without `roles.manage`). */
export function RoleEditorPage() {
  const { roleId } = useParams();
  const isNew = roleId === undefined || roleId === 'new';
  const canManage = usePermission('roles.manage');
  const roles = useRoles({ enabled: !isNew });
  const role = isNew ? undefined : roles.data?.find((candidate) => candidate.id === roleId);
  useDocumentTitle(isNew ? 'New role' : (role?.name ?? 'Role'));
  const [savedVersion, setSavedVersion] = useState<number | null>(null);

  const back = (
    <Link to="/settings/roles" className={backLink}>
      ← All roles
    </Link>
  );
  if (isNew && !canManage) {
    return <ErrorAlert error={new Error('Creating roles needs the roles.manage permission.')} />;
  }
  if (!isNew && roles.error) {
    return (
      <ErrorAlert error={roles.error} title="Could not load the role" onRetry={() => void roles.refetch()} />
    );
  }
  if (!isNew && roles.isPending) {
    return (
      <div aria-busy="true" className="space-y-4">
        <span className="sr-only">Loading the role…</span>
        <Skeleton className="w-48" />
        <Skeleton className="h-10 w-full max-w-md" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (!isNew && !role) {
    return (
      <EmptyState
        title="Role not found"
        description="It may have been deleted."
        action={
          <Link to="/settings/roles" className={buttonClasses({ variant: 'secondary' })}>
            All roles
          </Link>
        }
      />
    );
  }
  return (
    <div className="space-y-4">
      {back}
      {role && savedVersion !== null && role.version > savedVersion ? (
        <Alert tone="success">The role has been saved.</Alert>
      ) : null}
      <RoleForm
        key={role ? `${role.id}@${role.version}` : 'new'}
        role={role}
        readOnly={!canManage}
        onReload={() => void roles.refetch()}
        onSaved={() => setSavedVersion(role?.version ?? null)}
      />
    </div>
  );
}
