import type { Permission } from '@tessera/contracts';
import { type ReactNode, useMemo } from 'react';
import type { RouteObject } from 'react-router';
import { ApiKeysPage } from '../features/api-keys/components/api-keys-page';
import { AuditLogPage } from '../features/audit-log/components/audit-log-page';
import { MembersPage } from '../features/members/components/members-page';
import { useRoles } from '../features/roles/api/list-roles';
import { RoleEditorPage } from '../features/roles/components/role-editor-page';
import { RolesPage } from '../features/roles/components/roles-page';
import { TeamDetailPage } from '../features/teams/components/team-detail-page';
import { TeamsPage } from '../features/teams/components/teams-page';
import { usePermission } from '../hooks/use-permission';
import { RequirePermission } from './require-permission';
import { SettingsLayout } from './settings-layout';
import { usePeopleDirectory } from './use-people-directory';

/** Members, with the role list from the roles feature when the user may read roles. */
function MembersRoute() {
  const roles = useRoles({ enabled: usePermission('roles.view') });
  const options = useMemo(() => roles.data?.map(({ id, name }) => ({ id, name })), [roles.data]);
  return <MembersPage roles={options} />;
}

function TeamDetailRoute() {
  return <TeamDetailPage directory={usePeopleDirectory()} />;
}

function AuditLogRoute() {
  return <AuditLogPage directory={usePeopleDirectory()} />;
}

const guarded = (path: string, permission: Permission, element: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{element}</RequirePermission>,
});

/** `/settings/*`: each page behind the permission its navigation entry needs. */
export const settingsRoute: RouteObject = {
  path: 'settings',
  element: <SettingsLayout />,
  children: [
    { index: true, element: null },
    guarded('members', 'members.view', <MembersRoute />),
    guarded('roles', 'roles.view', <RolesPage />),
    guarded('roles/new', 'roles.manage', <RoleEditorPage />),
    guarded('roles/:roleId', 'roles.view', <RoleEditorPage />),
    guarded('teams', 'teams.view', <TeamsPage />),
    guarded('teams/:teamId', 'teams.view', <TeamDetailRoute />),
    guarded('api-keys', 'api_keys.manage', <ApiKeysPage />),
    guarded('audit-log', 'audit.view', <AuditLogRoute />),
  ],
};
