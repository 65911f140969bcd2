import { z } from 'zod';
import { email, isoDateTime, personName, uuid } from '../primitives.ts';

export const invitationSchema = z.object({
  id: uuid,
  email: z.string(),
  roleId: uuid,
  roleName: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  expiresAt: isoDateTime,
  createdAt: isoDateTime,
});
export type Invitation = z.infer<typeof invitationSchema>;
/** What an invitation link is for (public lookup before accepting). */
export const invitationLookupSchema = z.object({
  email: z.string(),
  tenantName: z.string(),
  roleName: z.string(),
  existingUser: z.boolean(),
});
export type InvitationLookup = z.infer<typeof invitationLookupSchema>;
export const invitationCreateInput = z.strictObject({ email, roleId: uuid });
export const invitationAcceptInput = z.strictObject({
  token: z.string().min(10).max(200),
  name: personName.optional(),
  password: z.string().min(8).max(128).optional(),
  totp: z
    .string()
    .regex(/^\d{6}$/, 'Enter the 6-digit code')
    .optional(),
});
