import type { Role } from '@tessera/contracts';
import { Link } from 'react-router';
import { TableSection } from '../../../components/table-section';
import { Badge } from '../../../components/ui/badge';
import { buttonClasses } from '../../../components/ui/button';
import type { Column } from '../../../components/ui/data-table';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { useRoles } from '../api/list-roles';

const linkClass = 'font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300';

/** `/settings/roles`: system and custom roles; open one to see or change its permissions. */
export function RolesPage() {
  useDocumentTitle('Roles');
  const canManage = usePermission('roles.manage');
  const roles = useRoles();

  const columns: Column<Role>[] = [
    {
      key: 'name',
      header: 'Role',
      cell: (role) => (
        <span className="flex items-center gap-2">
          <Link to={`/settings/roles/${role.id}`} className={linkClass}>
            {role.name}
          </Link>
          {role.isSystem ? <Badge>System</Badge> : <Badge tone="info">Custom</Badge>}
        </span>
      ),
    },
    {
      key: 'description',
      header: 'Description',
      cell: (role) => <span className="text-zinc-600 dark:text-zinc-400">{role.description || '—'}</span>,
    },
    {
      key: 'permissions',
      header: 'Permissions',
      cell: (role) => role.permissions.length,
      className: 'tabular-nums',
    },
    { key: 'members', header: 'Members', cell: (role) => role.memberCount, className: 'tabular-nums' },
  ];

  return (
    <TableSection
      label="Roles"
      description="A role is a set of permissions plus which records (own, team, all) its members see."
      actions={
        canManage ? (
          <Link to="/settings/roles/new" className={buttonClasses()}>
            New role
          </Link>
        ) : null
      }
      testId="roles-table"
      columns={columns}
      query={roles}
      rows={roles.data}
      rowKey={(role) => role.id}
      empty="No roles."
    />
  );
}
