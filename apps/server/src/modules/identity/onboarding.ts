import { sql } from 'drizzle-orm';
import { registerOnboardingStep } from '../../platform/onboarding/index.ts';
import { invitations, memberships } from './tables.ts';

/** Identity's first-run step: bring a colleague in (an invitation sent, or a second member). */
export const registerIdentityOnboarding = () => {
  registerOnboardingStep({
    id: 'invite-member',
    label: 'Invite a colleague',
    description: 'Give your team their own sign-in, with a role that fits what they do.',
    href: '/settings/members',
    permission: 'members.manage',
    done: (tenantId) =>
      sql<boolean>`(exists (select 1 from ${invitations} where ${invitations.tenantId} = ${tenantId})
        or (select count(*) from ${memberships} where ${memberships.tenantId} = ${tenantId}) > 1)`,
    order: 20,
  });
};
