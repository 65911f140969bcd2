import { z } from 'zod';
import { uuid } from '../primitives.ts';
import { defineEvents } from './define-event.ts';

/** Identity events: the people of a tenant. */
export const identityEvents = defineEvents({
  'member.invited': {
    description: 'Someone was invited to join the tenant.',
    payload: z.strictObject({ invitationId: uuid, roleId: uuid }),
  },
  'member.joined': {
    description: 'An invitation was accepted: the user is now a member.',
    payload: z.strictObject({ membershipId: uuid, userId: uuid, roleId: uuid }),
  },
});
