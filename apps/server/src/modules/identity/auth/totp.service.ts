import type { recoveryCodesInput, totpDisableInput, totpEnableInput } from '@tessera/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/index.ts';
import { newTotpSecret, totpUri, verifyPassword } from '../../../platform/auth/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { inTenant } from '../../../platform/records/index.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { users } from '../tables.ts';
import { toUser } from './auth-view.ts';
import { assertNotLocked, checkSecondFactor, checkTotp, recordFailure } from './login.service.ts';
import {
  deleteRecoveryCodes,
  remainingRecoveryCodes,
  replaceRecoveryCodes,
} from './recovery-codes.service.ts';

type TotpEnableInput = z.output<typeof totpEnableInput>;
type TotpDisableInput = z.output<typeof totpDisableInput>;
type RecoveryCodesInput = z.output<typeof recoveryCodesInput>;

const currentUser = async (deps: IdentityDeps, ctx: AuthedContext) => {
  const userId = ctx.auth.userId;
  if (!userId || ctx.auth.kind !== 'session')
    throw new AppError('FORBIDDEN', 'Only a signed-in user has two-factor settings');
  const [user] = await deps.database.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError('NOT_FOUND', 'User not found');
  assertNotLocked(user);
  return user;
};

const badCode = () =>
  new AppError('VALIDATION_ERROR', 'That code is not valid. Try the current one.', {
    details: [{ path: 'body.code', message: 'Not valid' }],
  });

/** Starts set-up: a new secret (sealed in the database) and its otpauth URI. */
export const startTotpSetup = async (deps: IdentityDeps, ctx: AuthedContext) => {
  const user = await currentUser(deps, ctx);
  if (user.totpEnabled)
    throw new AppError(
      'CONFLICT',
      'Two-factor sign-in is already on. Turn it off first to set up a new device.',
    );
  const secret = newTotpSecret();
  await deps.database.db
    .update(users)
    .set({ totpSecret: deps.secretBox.seal(secret) })
    .where(eq(users.id, user.id));
  return { secret, otpauthUri: totpUri(secret, user.email) };
};

const audit = (ctx: AuthedContext, action: string, userId: string) =>
  inTenant(ctx, (tx) => writeAudit(tx, ctx, { action, targetType: 'user', targetId: userId }));

/**
 * Turns two-factor sign-in on with a current code (a wrong code counts as a failed sign-in) and makes the
 * first set of recovery codes, returned this once.
 */
export const enableTotp = async (deps: IdentityDeps, ctx: AuthedContext, input: TotpEnableInput) => {
  const user = await currentUser(deps, ctx);
  if (user.totpEnabled) throw new AppError('CONFLICT', 'Two-factor sign-in is already on');
  if (!user.totpSecret) throw new AppError('CONFLICT', 'Start the set-up first');
  if (!(await checkTotp(deps, user, input.code))) {
    await recordFailure(deps, user.id);
    throw badCode();
  }
  const { updated, recoveryCodes } = await deps.database.db.transaction(async (tx) => {
    const [row] = await tx.update(users).set({ totpEnabled: true }).where(eq(users.id, user.id)).returning();
    return { updated: row, recoveryCodes: await replaceRecoveryCodes(tx, user.id) };
  });
  await audit(ctx, 'auth.totp_enabled', user.id);
  return { ...toUser(updated ?? user), recoveryCodes };
};

/**
 * Turns two-factor sign-in off with a code (or a recovery code) and the password (either wrong counts as a
 * failed sign-in); the recovery codes go with it.
 */
export const disableTotp = async (deps: IdentityDeps, ctx: AuthedContext, input: TotpDisableInput) => {
  const user = await currentUser(deps, ctx);
  if (!user.totpEnabled || !user.totpSecret) throw new AppError('CONFLICT', 'Two-factor sign-in is not on');
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk || !(await checkSecondFactor(deps, user, input.code))) {
    await recordFailure(deps, user.id);
    throw passwordOk
      ? badCode()
      : new AppError('VALIDATION_ERROR', 'The password is not correct', {
          details: [{ path: 'body.password', message: 'Not correct' }],
        });
  }
  const updated = await deps.database.db.transaction(async (tx) => {
    await deleteRecoveryCodes(tx, user.id);
    const [row] = await tx
      .update(users)
      .set({ totpEnabled: false, totpSecret: null })
      .where(eq(users.id, user.id))
      .returning();
    return row;
  });
  await audit(ctx, 'auth.totp_disabled', user.id);
  return toUser(updated ?? user);
};

const twoFactorOn = async (deps: IdentityDeps, ctx: AuthedContext) => {
  const user = await currentUser(deps, ctx);
  if (!user.totpEnabled) throw new AppError('CONFLICT', 'Two-factor sign-in is not on');
  return user;
};

/** A new set of recovery codes (the old ones stop working), with the password (wrong counts as a failure). */
export const regenerateRecoveryCodes = async (
  deps: IdentityDeps,
  ctx: AuthedContext,
  input: RecoveryCodesInput,
) => {
  const user = await twoFactorOn(deps, ctx);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailure(deps, user.id);
    throw new AppError('VALIDATION_ERROR', 'The password is not correct', {
      details: [{ path: 'body.password', message: 'Not correct' }],
    });
  }
  const recoveryCodes = await deps.database.db.transaction((tx) => replaceRecoveryCodes(tx, user.id));
  await audit(ctx, 'auth.recovery_codes_regenerated', user.id);
  return { recoveryCodes };
};

/** How many unused recovery codes the signed-in user has. */
export const recoveryCodesStatus = async (deps: IdentityDeps, ctx: AuthedContext) => {
  const user = await twoFactorOn(deps, ctx);
  return { remaining: await remainingRecoveryCodes(deps.database.db, user.id) };
};
