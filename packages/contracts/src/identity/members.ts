import { z } from 'zod';
import { permissions, recordScopes, scopedResources } from '../access/permissions.ts';
import { email, isoDateTime, personName, uuid, version } from '../primitives.ts';

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

export const teamSchema = z.object({
  id: uuid,
  name: z.string(),
  description: z.string(),
  memberIds: z.array(uuid).describe('User ids'),
  createdAt: isoDateTime,
  version,
});
export type Team = z.infer<typeof teamSchema>;
export const teamCreateInput = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(120),
  description: z.string().trim().max(500).default(''),
});
export const teamUpdateInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  description: z.string().trim().max(500).optional(),
  version,
});
export const teamMemberInput = z.strictObject({ userId: uuid });

export const apiKeySchema = z.object({
  id: uuid,
  name: z.string(),
  prefix: z.string().describe('First characters of the key, to recognise it'),
  permissions: z.array(z.enum(permissions)),
  expiresAt: isoDateTime.nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export type ApiKey = z.infer<typeof apiKeySchema>;
export const apiKeyCreateInput = z.strictObject({
  name: z.string().trim().min(1, 'Required').max(120),
  permissions: z.array(z.enum(permissions)).min(1, 'Choose at least one permission').max(500),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export const apiKeyCreatedSchema = apiKeySchema.extend({
  key: z.string().describe('Shown once, never again'),
});

export const auditLogSchema = z.object({
  id: uuid,
  actorUserId: uuid.nullable(),
  actorName: z.string().nullable(),
  actorApiKeyId: uuid.nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  changes: z.record(z.string(), z.object({ from: z.unknown(), to: z.unknown() })).nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  requestId: z.string().nullable(),
  createdAt: isoDateTime,
});
export type AuditLog = z.infer<typeof auditLogSchema>;
export const auditLogQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(500).optional(),
  actorUserId: uuid.optional(),
  action: z.string().max(100).optional(),
  targetType: z.string().max(100).optional(),
  targetId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditLogQuery = z.input<typeof auditLogQuery>;
