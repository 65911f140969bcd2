import { z } from 'zod';
import { defineEvents } from './define-event.ts';

/** Identity events: the people of a tenant. */
export const identityEvents = defineEvents({
  'member.invited': {
    description: 'Someone was invited to join the tenant.',
    payload: z.strictObject({ invitationId: z.uuid(), roleId: z.uuid() }),
  },
  'member.joined': {
    description: 'An invitation was accepted: the user is now a member.',
    payload: z.strictObject({ membershipId: z.uuid(), userId: z.uuid(), roleId: z.uuid() }),
  },
});
