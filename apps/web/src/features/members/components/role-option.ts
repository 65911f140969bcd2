import type { Member } from '@tessera/contracts';

/** A role the members screens can assign (from `GET /roles`, handed in by the app). */
export interface RoleOption {
  id: string;
  name: string;
}

/** The roles to offer: the given list, else the roles the members already have (no `roles.view`). */
export function roleOptionsFor(
  roles: readonly RoleOption[] | undefined,
  members: readonly Member[] | undefined,
) {
  if (roles) return roles;
  const seen = new Map<string, RoleOption>();
  for (const member of members ?? []) seen.set(member.roleId, { id: member.roleId, name: member.roleName });
  return [...seen.values()];
}
