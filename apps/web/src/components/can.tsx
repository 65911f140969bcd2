import type { Permission } from '@tessera/contracts';
import type { ReactNode } from 'react';
import { usePermission } from '../hooks/use-permission';

export interface CanProps {
  permission: Permission;
  children: ReactNode;
  /** Rendered when the user lacks the permission (default: nothing). */
  fallback?: ReactNode;
}

/** Renders `children` only when the signed-in user holds `permission` in the current tenant. */
export function Can({ permission, children, fallback = null }: CanProps) {
  return <>{usePermission(permission) ? children : fallback}</>;
}
