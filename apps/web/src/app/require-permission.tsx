import type { Permission } from '@tessera/contracts';
import type { ReactNode } from 'react';
import { ForbiddenState } from '../components/forbidden-state';
import { usePermission } from '../hooks/use-permission';

/** Renders the page only with `permission`; otherwise the 403 message (e.g. for a typed URL). */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  return usePermission(permission) ? children : <ForbiddenState permission={permission} />;
}
