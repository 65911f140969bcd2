import { and, count, eq, gt, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import { hashPassword, randomToken, sha256, verifyPassword } from '../../../platform/auth/index.ts';
import type { AuthedContext, ServiceContext } from '../../../platform/context/service-context.ts';
import { withTenant, withUser } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { queueMail, SEND_MAIL_JOB } from '../../../platform/mail/index.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { passwordResets, users } from '../tables.ts';
import { listOwnMemberships } from './auth-view.ts';
import { assertNotLocked, recordFailure } from './login.service.ts';
import { revokeSessions } from './session-tokens.ts';
import { assertPasswordNotEmail } from './signup.service.ts';

const RESET_TTL_MINUTES = 60;
const RESETS_PER_HOUR = 5;

/** Audit a password event in each tenant of the user (they are all concerned). */
const auditEverywhere = async (deps: IdentityDeps, ctx: ServiceContext, userId: string, action: string) => {
  const tenants = await withUser(deps.database, userId, (tx) => listOwnMemberships(tx, userId));
  for (const t of tenants) {
    await withTenant(
      deps.database,
      t.tenantId,
      (tx) =>
        writeAudit(
          tx,
          { ...ctx, tenantId: t.tenantId, userId },
          { action, targetType: 'user', targetId: userId },
        ),
      userId,
    );
  }
};

/** Always "accepted": an unknown e-mail cannot be told apart. At most 5 reset mails per account per hour. */
export const requestPasswordReset = async (deps: IdentityDeps, ctx: ServiceContext, email: string) => {
  const { db } = deps.database;
  const [user] = await db.select().from(users).where(eq(users.email, email));
  if (!user) return;
  const [recent] = await db
    .select({ n: count() })
    .from(passwordResets)
    .where(
      and(eq(passwordResets.userId, user.id), gt(passwordResets.createdAt, sql`now() - interval '1 hour'`)),
    );
  if ((recent?.n ?? 0) >= RESETS_PER_HOUR) return;
  const token = randomToken(32);
  const mailId = await db.transaction(async (tx) => {
    await tx.insert(passwordResets).values({
      userId: user.id,
      tokenHash: sha256(token),
      expiresAt: new Date(Date.now() + RESET_TTL_MINUTES * 60_000),
    });
    return queueMail(tx, {
      to: user.email,
      subject: 'Reset your Tessera password',
      text: `Hello ${user.name},\n\nUse this link within ${RESET_TTL_MINUTES} minutes to choose a new password:\n${deps.auth.appUrl}/reset-password?token=${token}\n\nIf you did not ask for this, ignore this e-mail.`,
    });
  });
  ctx.afterCommit(async () => deps.sendJob?.(SEND_MAIL_JOB, { id: mailId }));
  await auditEverywhere(deps, ctx, user.id, 'auth.password_reset_requested');
};

/** Sets a new password from a reset link; ends every session of the user. */
export const resetPassword = async (
  deps: IdentityDeps,
  ctx: ServiceContext,
  { token, password }: { token: string; password: string },
) => {
  const { db } = deps.database;
  const userId = await db.transaction(async (tx) => {
    const [reset] = await tx
      .select({ reset: passwordResets, user: users })
      .from(passwordResets)
      .innerJoin(users, eq(users.id, passwordResets.userId))
      .where(
        and(
          eq(passwordResets.tokenHash, sha256(token)),
          isNull(passwordResets.usedAt),
          gt(passwordResets.expiresAt, new Date()),
        ),
      )
      .for('update');
    if (!reset)
      throw new AppError('VALIDATION_ERROR', 'This reset link is invalid or has expired. Ask for a new one.');
    assertPasswordNotEmail(password, reset.user.email);
    await tx
      .update(passwordResets)
      .set({ usedAt: new Date() })
      .where(eq(passwordResets.userId, reset.user.id));
    await tx
      .update(users)
      .set({ passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, reset.user.id));
    return reset.user.id;
  });
  await revokeSessions(deps, { userId });
  await auditEverywhere(deps, ctx, userId, 'auth.password_reset');
};

/** Changes the password of the signed-in user (current one required); ends their other sessions. */
export const changePassword = async (
  deps: IdentityDeps,
  ctx: AuthedContext,
  { currentPassword, newPassword }: { currentPassword: string; newPassword: string },
) => {
  const userId = ctx.auth.userId;
  if (!userId || ctx.auth.kind !== 'session')
    throw new AppError('FORBIDDEN', 'Only a signed-in user has a password');
  const [user] = await deps.database.db.select().from(users).where(eq(users.id, userId));
  if (!user) throw notFound('User');
  assertNotLocked(user);
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    await recordFailure(deps, userId);
    throw new AppError('VALIDATION_ERROR', 'The current password is not correct', {
      details: [{ path: 'body.currentPassword', message: 'Not correct' }],
    });
  }
  assertPasswordNotEmail(newPassword, user.email);
  await deps.database.db
    .update(users)
    .set({ passwordHash: await hashPassword(newPassword) })
    .where(eq(users.id, userId));
  await revokeSessions(deps, { userId, exceptSessionId: ctx.auth.sessionId });
  await auditEverywhere(deps, ctx, userId, 'auth.password_changed');
};
