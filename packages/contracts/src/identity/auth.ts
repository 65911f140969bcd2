import { z } from 'zod';
import { permissions } from '../access/permissions.ts';
import { email, isoDateTime, password, personName, uuid } from '../primitives.ts';

export const totpCode = z.string().regex(/^\d{6}$/, 'Enter the 6-digit code');
/** Recovery codes look like `k7mq2-x9hwp` (10 letters and digits; the dash, spaces and case don't matter). */
export const RECOVERY_CODE = /^\s*[A-Za-z0-9]{5}[\s-]?[A-Za-z0-9]{5}\s*$/;
/** A second factor: the authenticator's 6-digit code, or one of the recovery codes (each works once). */
export const secondFactorCode = z
  .string()
  .max(20)
  .refine((v) => /^\d{6}$/.test(v) || RECOVERY_CODE.test(v), 'Enter the 6-digit code or a recovery code');

export const signupInput = z.strictObject({
  tenantName: z.string().trim().min(1, 'Required').max(200),
  name: personName,
  email,
  password,
});
export type SignupInput = z.input<typeof signupInput>;

export const loginInput = z.strictObject({
  email,
  password: z.string().min(1, 'Required').max(1024),
  totp: secondFactorCode.optional(),
  tenantId: uuid.optional(),
});
export type LoginInput = z.input<typeof loginInput>;

export const userSchema = z.object({
  id: uuid,
  email: z.string(),
  name: z.string(),
  totpEnabled: z.boolean(),
  createdAt: isoDateTime,
});
export type User = z.infer<typeof userSchema>;

export const membershipSummary = z.object({
  tenantId: uuid,
  tenantName: z.string(),
  roleId: uuid,
  roleName: z.string(),
  status: z.enum(['active', 'disabled']),
});
export type MembershipSummary = z.infer<typeof membershipSummary>;

/** Body of a cookie login / sign-up / switch: never contains a token except the CSRF one. */
export const authSessionSchema = z.object({
  user: userSchema,
  tenant: z.object({ id: uuid, name: z.string() }),
  memberships: z.array(membershipSummary),
  csrfToken: z.string(),
});
export type AuthSession = z.infer<typeof authSessionSchema>;

/** A login that needs the second factor answers 401 with this code in `error.details`. */
export const TOTP_REQUIRED = 'TOTP_REQUIRED';

export const meSchema = z.object({
  user: userSchema,
  tenant: z.object({ id: uuid, name: z.string() }),
  role: z.object({ id: uuid, name: z.string() }),
  permissions: z.array(z.enum(permissions)),
  memberships: z.array(membershipSummary),
  csrfToken: z.string().optional(),
});
export type Me = z.infer<typeof meSchema>;

export const switchTenantInput = z.strictObject({ tenantId: uuid });

export const tokenInput = z.strictObject({
  email,
  password: z.string().min(1).max(1024),
  totp: secondFactorCode.optional(),
  tenantId: uuid.optional(),
});
export const tokenRefreshInput = z.strictObject({ refreshToken: z.string().min(1).max(512) });
export const tokenPairSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().int().describe('Seconds until the access token expires'),
  tokenType: z.literal('Bearer'),
});
export type TokenPair = z.infer<typeof tokenPairSchema>;

export const sessionSchema = z.object({
  id: uuid,
  tenantId: uuid,
  createdAt: isoDateTime,
  lastSeenAt: isoDateTime,
  expiresAt: isoDateTime,
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  kind: z.enum(['browser', 'token']),
  current: z.boolean(),
});
export type Session = z.infer<typeof sessionSchema>;

export const passwordForgotInput = z.strictObject({ email });
export const passwordResetInput = z.strictObject({ token: z.string().min(10).max(200), password });
export const passwordChangeInput = z.strictObject({
  currentPassword: z.string().min(1).max(1024),
  newPassword: password,
});

export const totpSetupSchema = z.object({ secret: z.string(), otpauthUri: z.string() });
export const totpEnableInput = z.strictObject({ code: totpCode });
export const totpDisableInput = z.strictObject({
  code: secondFactorCode,
  password: z.string().min(1).max(1024),
});
/** Turning two-factor on answers the user and its recovery codes, shown this once (only hashes are kept). */
export const totpEnabledSchema = userSchema.extend({ recoveryCodes: z.array(z.string()) });
export const recoveryCodesInput = z.strictObject({ password: z.string().min(1).max(1024) });
export const recoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });
export const recoveryCodesStatusSchema = z.object({ remaining: z.number().int() });

export const profileUpdateInput = z.strictObject({ name: personName });

/** Cookie and header names of the browser session. `__Host-` prefixed names are used over HTTPS. */
export const ACCESS_COOKIE = 'tessera_at';
export const REFRESH_COOKIE = 'tessera_rt';
export const CSRF_COOKIE = 'tessera_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const API_KEY_HEADER = 'x-api-key';
export const API_KEY_PREFIX = 'tsk_';
