import { OWNER_ROLE_KEY, type Permission } from '@tessera/contracts';
import { AppError } from '../../../platform/http/app-error.ts';

/** What the acting member may hand out: their own effective permissions, and whether they are an owner. */
export interface Grantor {
  userId: string | null;
  permissions: ReadonlySet<Permission>;
  isOwner: boolean;
}

/** Nobody can grant a permission they do not hold themselves. */
export const assertCanGrant = (grantor: Grantor, requested: readonly string[]) => {
  const missing = [...new Set(requested)].filter((p) => !grantor.permissions.has(p as Permission)).sort();
  if (missing.length > 0) {
    throw new AppError('FORBIDDEN', `You cannot grant permissions you do not have: ${missing.join(', ')}`, {
      details: { missing },
    });
  }
};

/** Assigning a role = granting all its permissions; the owner role is handed out by owners only. */
export const assertCanAssignRole = (
  grantor: Grantor,
  role: { key: string | null; permissions: readonly string[] },
) => {
  if (role.key === OWNER_ROLE_KEY && !grantor.isOwner)
    throw new AppError('FORBIDDEN', 'Only an owner can make someone an owner');
  assertCanGrant(grantor, role.permissions);
};

/** Owners are changed or removed by owners only; nobody changes their own role, grants or status. */
export const assertCanChangeMember = (
  grantor: Grantor,
  target: { userId: string; roleKey: string | null },
  change: { access: boolean },
) => {
  if (target.roleKey === OWNER_ROLE_KEY && !grantor.isOwner)
    throw new AppError('FORBIDDEN', 'Only an owner can change another owner');
  if (change.access && target.userId === grantor.userId)
    throw new AppError('FORBIDDEN', 'You cannot change your own role, permissions or status');
};

/** The last active owner can be neither demoted, disabled nor removed. */
export const assertNotLastOwner = (
  activeOwnerCount: number,
  target: { roleKey: string | null; status: string },
  leavesOwnership: boolean,
) => {
  if (
    leavesOwnership &&
    target.roleKey === OWNER_ROLE_KEY &&
    target.status === 'active' &&
    activeOwnerCount <= 1
  ) {
    throw new AppError(
      'CONFLICT',
      'The last owner cannot be demoted, disabled or removed. Make someone else an owner first.',
    );
  }
};
