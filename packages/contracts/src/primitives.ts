import { z } from 'zod';

/** Shared field rules: the same limits on the client form and the server. */
/**
 * Any uuid PostgreSQL stores (8-4-4-4-12 hex), not only RFC 4122 variants: rows written by other tools or
 * migrated from other systems must stay readable and addressable. Our own ids are UUIDv7.
 */
export const uuid = z.guid();
export const email = z
  .email({ message: 'Enter a valid e-mail address' })
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const personName = z.string().trim().min(1, 'Required').max(120);
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** 8–128 characters, never truncated. (Not equal to the e-mail: checked where both are known.) */
export const password = z
  .string()
  .min(PASSWORD_MIN, `At least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `At most ${PASSWORD_MAX} characters`);
export const isoDateTime = z.iso.datetime({ offset: true });
export const version = z.number().int().min(1);
export const idParams = z.strictObject({ id: uuid });
