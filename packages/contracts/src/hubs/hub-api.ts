import { z } from 'zod';
import { isoDateTime, uuid } from '../primitives.ts';
import { hubConfigSchema, hubOverrideSchema } from './hub-config.ts';

/** `GET /api/v1/hub`: the caller's effective hub, without what their permissions or the features hide. */
export const myHubSchema = z.object({
  roleId: uuid,
  roleName: z.string(),
  version: z.number().int().min(0).describe('The tenant override version in effect (0: none)'),
  config: hubConfigSchema,
});
export type MyHub = z.infer<typeof myHubSchema>;

/** `GET /api/v1/hubs/:roleId`: the layers of one role's hub, for the editor. */
export const roleHubSchema = z.object({
  roleId: uuid,
  roleKey: z.string().nullable(),
  roleName: z.string(),
  /** base → role layer (the repository's config for the role template). */
  base: hubConfigSchema,
  /** The tenant's override in effect, null when none. */
  override: z.record(z.string(), z.json()).nullable(),
  version: z.number().int().min(0),
  effective: hubConfigSchema,
});
export type RoleHub = z.infer<typeof roleHubSchema>;

export const hubRoleParams = z.strictObject({ roleId: uuid });

export const hubSaveInput = z.strictObject({
  override: hubOverrideSchema,
  note: z.string().trim().max(200).optional(),
  /** The override version the change is based on (0: none yet): a stale one answers 409. */
  version: z.number().int().min(0),
});
export type HubSaveInput = z.input<typeof hubSaveInput>;

export const hubPreviewInput = z.strictObject({ override: hubOverrideSchema });

export const hubRollbackInput = z.strictObject({
  toVersion: z.number().int().min(1),
  version: z.number().int().min(1),
});

export const hubVersionSchema = z.object({
  version: z.number().int().min(1),
  note: z.string().nullable(),
  createdAt: isoDateTime,
  createdBy: uuid.nullable(),
  current: z.boolean(),
});
export type HubVersion = z.infer<typeof hubVersionSchema>;
