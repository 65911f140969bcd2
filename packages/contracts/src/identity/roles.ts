import { z } from 'zod';
import { permissions, recordScopes, scopedResources } from '../access/permissions.ts';
import { isoDateTime, uuid, version } from '../primitives.ts';

export const scopesSchema = z.partialRecord(z.enum(scopedResources), z.enum(recordScopes));

export const roleSchema = z.object({
  id: uuid,
  key: z.string().nullable().describe('System template key, null for custom roles'),
  name: z.string(),
  description: z.string(),
  permissions: z.array(z.enum(permissions)),
  scopes: scopesSchema,
  isSystem: z.boolean(),
  memberCount: z.number().int(),
  createdAt: isoDateTime,
  version,
});
export type Role = z.infer<typeof roleSchema>;

export const roleCreateInput = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(80),
  description: z.string().trim().max(500).default(''),
  permissions: z.array(z.enum(permissions)).max(500),
  scopes: scopesSchema.default({}),
});
export type RoleCreateInput = z.input<typeof roleCreateInput>;
export const roleUpdateInput = z.strictObject({
  name: z.string().trim().min(1).max(80).optional(),
  description: z.string().trim().max(500).optional(),
  permissions: z.array(z.enum(permissions)).max(500).optional(),
  scopes: scopesSchema.optional(),
  version,
});
export type RoleUpdateInput = z.input<typeof roleUpdateInput>;

export const permissionInfoSchema = z.object({
  key: z.enum(permissions),
  description: z.string(),
  group: z.string(),
});
