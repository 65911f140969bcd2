import { z } from 'zod';
import { permissions } from '../access/permissions.ts';
import { isoDateTime, uuid, version } from '../primitives.ts';

export const memberStatus = z.enum(['active', 'disabled']);

export const memberSchema = z.object({
  id: uuid,
  userId: uuid,
  name: z.string(),
  email: z.string(),
  roleId: uuid,
  roleName: z.string(),
  status: memberStatus,
  grants: z.array(z.enum(permissions)),
  denials: z.array(z.enum(permissions)),
  createdAt: isoDateTime,
  version,
});
export type Member = z.infer<typeof memberSchema>;

export const memberUpdateInput = z.strictObject({
  roleId: uuid.optional(),
  status: memberStatus.optional(),
  grants: z.array(z.enum(permissions)).max(200).optional(),
  denials: z.array(z.enum(permissions)).max(200).optional(),
  version,
});
export type MemberUpdateInput = z.input<typeof memberUpdateInput>;

export const memberImportRowResult = z.object({
  row: z.number().int(),
  email: z.string().nullable(),
  status: z.enum(['invited', 'skipped', 'error']),
  message: z.string().optional(),
});
export const memberImportReport = z.object({
  total: z.number().int(),
  invited: z.number().int(),
  skipped: z.number().int(),
  errors: z.number().int(),
  rows: z.array(memberImportRowResult),
});
export type MemberImportReport = z.infer<typeof memberImportReport>;
