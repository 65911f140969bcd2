import { z } from 'zod';
import { permissions } from '../access/permissions.ts';
import { isoDateTime, uuid } from '../primitives.ts';

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
