import {
  type Permission,
  permissionCatalog,
  permissions,
  type ScopedResource,
  scopedResources,
} from '@tessera/contracts';

/** `leads.view` → `{ resource: 'leads', action: 'view' }` (the action is the last segment). */
export function splitPermission(permission: Permission): { resource: string; action: string } {
  const dot = permission.lastIndexOf('.');
  return { resource: permission.slice(0, dot), action: permission.slice(dot + 1) };
}

export interface PermissionRow {
  resource: string;
  label: string;
  /** The permission of each action this resource has (columns without one stay empty). */
  cells: Partial<Record<string, Permission>>;
  permissions: Permission[];
}

const ACTION_ORDER = ['view', 'create', 'update', 'delete', 'manage', 'import', 'export', 'send', 'void'];
const LABELS: Record<string, string> = {
  api_keys: 'API keys',
  'fields.money': 'Money fields',
  audit: 'Audit log',
};

export function resourceLabel(resource: string): string {
  const label = LABELS[resource] ?? resource.replace(/[._]/g, ' ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

/** Rows = resources in catalog order, with their permissions per action. */
export const permissionRows: readonly PermissionRow[] = (() => {
  const rows = new Map<string, PermissionRow>();
  for (const permission of permissions) {
    const { resource, action } = splitPermission(permission);
    const row = rows.get(resource) ?? {
      resource,
      label: resourceLabel(resource),
      cells: {},
      permissions: [],
    };
    row.cells[action] = permission;
    row.permissions.push(permission);
    rows.set(resource, row);
  }
  return [...rows.values()];
})();

/** Columns = every action of the catalog, the usual CRUD ones first. */
export const permissionActions: readonly string[] = (() => {
  const all = new Set(permissions.map((permission) => splitPermission(permission).action));
  const known = ACTION_ORDER.filter((action) => all.has(action));
  return [...known, ...[...all].filter((action) => !ACTION_ORDER.includes(action)).sort()];
})();

/** Sorts into catalog order and removes duplicates. */
export function normalizePermissions(list: Iterable<Permission>): Permission[] {
  const set = new Set(list);
  return permissions.filter((permission) => set.has(permission));
}

/** Adds or removes some permissions; the result is in catalog order. */
export function setPermissions(list: readonly Permission[], changed: readonly Permission[], on: boolean) {
  const set = new Set(list);
  for (const permission of changed) {
    if (on) set.add(permission);
    else set.delete(permission);
  }
  return normalizePermissions(set);
}

export function permissionDescription(permission: Permission): string {
  return permissionCatalog[permission];
}

export function isScopedResource(resource: string): resource is ScopedResource {
  return (scopedResources as readonly string[]).includes(resource);
}

/**
 * A customer-portal member (ADR 0035): `portal.view` and nothing of the staff's — only portal and field-visibility
 * permissions. They land on `/portal` and never see the staff navigation.
 */
export function isPortalOnly(held: ReadonlySet<Permission> | readonly Permission[]): boolean {
  const list = [...held];
  return (
    list.includes('portal.view') && list.every((p) => p.startsWith('portal.') || p.startsWith('fields.'))
  );
}
