import type { FastifyInstance } from 'fastify';
import { apiKeyRoutes } from './api-keys/api-keys.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { passwordRoutes } from './auth/password.routes.ts';
import { sessionRoutes } from './auth/sessions.routes.ts';
import { totpRoutes } from './auth/totp.routes.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { invitationRoutes } from './invitations/invitations.routes.ts';
import { memberRoutes } from './members/members.routes.ts';
import { registerIdentityOnboarding } from './onboarding.ts';
import { roleRoutes } from './roles/roles.routes.ts';
import { teamRoutes } from './teams/teams.routes.ts';

registerIdentityOnboarding();

/** The identity module's HTTP API: sign-up, sessions, tokens, passwords, 2FA, members, roles, teams, API keys. */
export const identityRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  await app.register(authRoutes, deps);
  await app.register(sessionRoutes, deps);
  await app.register(passwordRoutes, deps);
  await app.register(totpRoutes, deps);
  await app.register(teamRoutes, deps);
  await app.register(apiKeyRoutes, deps);
  await app.register(roleRoutes, deps);
  await app.register(memberRoutes, deps);
  await app.register(invitationRoutes, deps);
};

export { type Authentication, registerAuthentication } from './auth/authenticate.ts';
export { signup } from './auth/signup.service.ts';
export type { AuthSettings, IdentityDeps } from './identity-deps.ts';
/** Invites an e-mail with a system role in the caller's transaction (sales: "Invite to portal"). */
export { inviteWithSystemRole } from './invitations/invitations.service.ts';
export {
  activeMemberUserIds,
  addMembersDirectly,
  type DirectMember,
  type DirectMemberPerson,
} from './members/direct-members.ts';
export { activeMemberDirectory, memberContacts, memberNames, teammateIds } from './members/member-lookup.ts';
export { activeMemberIds, activeMemberRights, membersWithPermission } from './members/membership-check.ts';
// Other modules' tables refer to a tenant's roles (composite foreign key) and read a member's role.
export { memberRole } from './roles/member-role.ts';
export { roles, tenants, users } from './tables.ts';
export { countTenants, createTenant, findTenantBySlug, type Tenant } from './tenants.service.ts';
