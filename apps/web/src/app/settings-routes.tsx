import type { Permission } from '@tessera/contracts';
import { type ReactNode, useMemo } from 'react';
import type { RouteObject } from 'react-router';
import { useRoles } from '../features/roles/api/list-roles';
import { usePermission } from '../hooks/use-permission';
import { lazyComponent } from './lazy-page';
import { RequirePermission } from './require-permission';
import { salesSettingsRoutes } from './sales-routes';
import { schedulingSettingsRoutes } from './scheduling-routes';
import { SettingsLayout } from './settings-layout';
import { usePeopleDirectory } from './use-people-directory';

// Each settings page is its own chunk.
const MembersPage = lazyComponent(() =>
  import('../features/members/components/members-page').then((m) => m.MembersPage),
);
const RolesPage = lazyComponent(() =>
  import('../features/roles/components/roles-page').then((m) => m.RolesPage),
);
const RoleEditorPage = lazyComponent(() =>
  import('../features/roles/components/role-editor-page').then((m) => m.RoleEditorPage),
);
const TeamsPage = lazyComponent(() =>
  import('../features/teams/components/teams-page').then((m) => m.TeamsPage),
);
const TeamDetailPage = lazyComponent(() =>
  import('../features/teams/components/team-detail-page').then((m) => m.TeamDetailPage),
);
const WebhooksPage = lazyComponent(() =>
  import('../features/webhooks/components/webhooks-page').then((m) => m.WebhooksPage),
);
const ApiKeysPage = lazyComponent(() =>
  import('../features/api-keys/components/api-keys-page').then((m) => m.ApiKeysPage),
);
const PipelinesSettingsPage = lazyComponent(() =>
  import('../features/crm-deals/components/pipelines-settings-page').then((m) => m.PipelinesSettingsPage),
);
const AuditLogPage = lazyComponent(() =>
  import('../features/audit-log/components/audit-log-page').then((m) => m.AuditLogPage),
);

const CompanySettingsPage = lazyComponent(() =>
  import('../features/company-settings/components/company-settings-page').then((m) => m.CompanySettingsPage),
);

const FeatureFlagsPage = lazyComponent(() =>
  import('../features/feature-flags/components/feature-flags-page').then((m) => m.FeatureFlagsPage),
);

const HubEditorPage = lazyComponent(() =>
  import('../features/hub-editor/components/hub-editor-page').then((m) => m.HubEditorPage),
);

const JobMonitorPage = lazyComponent(() =>
  import('../features/jobs/components/job-monitor-page').then((m) => m.JobMonitorPage),
);

/** Members, with the role list from the roles feature when the user may read roles. */
function MembersRoute() {
  const roles = useRoles({ enabled: usePermission('roles.view') });
  const options = useMemo(() => roles.data?.map(({ id, name }) => ({ id, name })), [roles.data]);
  return <MembersPage roles={options} />;
}

/** Feature flags, with the roles a flag can be limited to. */
function FeatureFlagsRoute() {
  const roles = useRoles({ enabled: usePermission('roles.view') });
  const options = useMemo(() => roles.data?.map(({ id, name }) => ({ id, name })), [roles.data]);
  return <FeatureFlagsPage roles={options} />;
}

/** The hub editor, with the roles to pick from. */
function HubEditorRoute() {
  const roles = useRoles({ enabled: usePermission('roles.view') });
  const options = useMemo(() => roles.data?.map(({ id, name }) => ({ id, name })), [roles.data]);
  return <HubEditorPage roles={options} />;
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
    guarded('pipelines', 'pipelines.manage', <PipelinesSettingsPage />),
    guarded('api-keys', 'api_keys.manage', <ApiKeysPage />),
    guarded('webhooks', 'webhooks.manage', <WebhooksPage />),
    guarded('audit-log', 'audit.view', <AuditLogRoute />),
    guarded('jobs', 'settings.manage', <JobMonitorPage />),
    guarded('company', 'settings.manage', <CompanySettingsPage />),
    guarded('features', 'settings.manage', <FeatureFlagsRoute />),
    guarded('hubs', 'settings.manage', <HubEditorRoute />),
    ...salesSettingsRoutes,
    ...schedulingSettingsRoutes,
  ],
};
