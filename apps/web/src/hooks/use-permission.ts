import type { Permission } from '@tessera/contracts';
import { useMemo } from 'react';
import { useMe } from './use-me';

/** The signed-in user's effective permissions in the current tenant (empty while loading / signed out). */
export function usePermissions(): ReadonlySet<Permission> {
  const { data } = useMe();
  return useMemo(() => new Set(data?.permissions ?? []), [data]);
}

/** True when the user holds `permission` in the current tenant. */
export function usePermission(permission: Permission): boolean {
  return usePermissions().has(permission);
}

/** True when the user holds at least one of `permissions` (an empty list is always true). */
export function useAnyPermission(permissions: readonly Permission[]): boolean {
  const held = usePermissions();
  return permissions.length === 0 || permissions.some((permission) => held.has(permission));
}
