import { TOTP_REQUIRED } from '@tessera/contracts';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import { burnPasswordCheck, totpStep, verifyPassword } from '../../../platform/auth/index.ts';
import { withTenant, withUser } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { users } from '../tables.ts';
import { listOwnMemberships } from './auth-view.ts';
import { isRecoveryCode, useRecoveryCode } from './recovery-codes.service.ts';
import type { ClientMeta } from './session-tokens.ts';
import { signInThrottle } from './sign-in-throttle.ts';

type UserRow = typeof users.$inferSelect;
const BAD_CREDENTIALS = 'Invalid e-mail or password';

const lockedError = (until: Date) => {
  const seconds = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
  return new AppError(
    'RATE_LIMITED',
    `Too many failed attempts. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
    {
      headers: { 'retry-after': String(seconds) },
    },
  );
};

/** Throws 429 while the account is locked out (after too many failed passwords or codes). */
export const assertNotLocked = (user: Pick<UserRow, 'lockedUntil'>) => {
  if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) throw lockedError(user.lockedUntil);
};

/** Counts a failure against the account; the Nth consecutive one locks it for the lockout period. */
export const recordFailure = async (deps: IdentityDeps, userId: string) => {
  const { loginMaxFailures: max, loginLockoutMinutes: minutes } = deps.auth;
  await deps.database.db
    .update(users)
    .set({
      failedLogins: sql`case when ${users.failedLogins} + 1 >= ${max} then 0 else ${users.failedLogins} + 1 end`,
      lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${max} then now() + make_interval(mins => ${minutes}) else ${users.lockedUntil} end`,
    })
    .where(eq(users.id, userId));
};

const clearFailures = (deps: IdentityDeps, userId: string) =>
  deps.database.db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, userId));

/** Audit a sign-in event in the tenant concerned (the chosen one, else the user's first). */
const auditLogin = async (
  deps: IdentityDeps,
  userId: string,
  tenantId: string | undefined,
  action: string,
  meta: ClientMeta & { requestId: string },
) => {
  if (!tenantId) return;
  await withTenant(
    deps.database,
    tenantId,
    (tx) =>
      writeAudit(
        tx,
        { tenantId, userId, ip: meta.ip, userAgent: meta.userAgent, requestId: meta.requestId },
        { action, targetType: 'user', targetId: userId },
      ),
    userId,
  );
};

/**
 * Checks a TOTP code against the user's sealed secret and **consumes** its time step: one conditional UPDATE
 * accepts it only if the step is newer than the last step this user used, so a code works once (two
 * concurrent logins with the same code: exactly one wins) and never after a newer one. A secret sealed
 * under another JWT_SECRET cannot be read.
 */
export const checkTotp = async (
  deps: IdentityDeps,
  user: Pick<UserRow, 'id' | 'totpSecret'>,
  code: string,
): Promise<boolean> => {
  if (!user.totpSecret) return false;
  let secret: string;
  try {
    secret = deps.secretBox.open(user.totpSecret);
  } catch {
    throw new AppError(
      'UNAUTHENTICATED',
      'Your two-factor set-up can no longer be read (the server secret was changed). Ask your administrator.',
    );
  }
  const step = totpStep(secret, code);
  if (step === null) return false;
  const consumed = await deps.database.db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return consumed.length === 1;
};

/** The second factor: a 6-digit authenticator code (checkTotp) or an unused recovery code (spent here). */
export const checkSecondFactor = (
  deps: IdentityDeps,
  user: Pick<UserRow, 'id' | 'totpSecret'>,
  code: string,
): Promise<boolean> =>
  isRecoveryCode(code) ? useRecoveryCode(deps.database.db, user.id, code) : checkTotp(deps, user, code);

/** A user id that exists nowhere (the unknown-e-mail path does the lookup a real account's failure does). */
const NO_USER = '00000000-0000-7000-8000-000000000000';

const firstTenantOf = async (deps: IdentityDeps, userId: string) =>
  (await withUser(deps.database, userId, (tx) => listOwnMemberships(tx, userId))).find(
    (m) => m.status === 'active',
  )?.tenantId;

export interface LoginResult {
  user: UserRow;
  tenantId: string;
}

/**
 * Checks e-mail + password (+ TOTP when enabled) and picks the tenant. Unknown e-mail and wrong password get
 * the same answer, the same time and the same throttling (ADR 0006): failures count per e-mail + client
 * address (and, slower, per account), never as a lock on the account itself.
 */
export const authenticateUser = async (
  deps: IdentityDeps,
  input: { email: string; password: string; totp?: string; tenantId?: string },
  meta: ClientMeta & { requestId: string },
): Promise<LoginResult> => {
  const throttle = signInThrottle(deps, input.email, meta.ip);
  await throttle.assertAllowed();
  const [user] = await deps.database.db.select().from(users).where(eq(users.email, input.email));
  if (!user) {
    // The same work as a wrong password of a real account: a hash check, the throttle, the tenant lookup.
    await burnPasswordCheck(input.password);
    await throttle.failed(undefined);
    await firstTenantOf(deps, NO_USER);
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  const failed = async () => {
    await throttle.failed(user.email);
    await auditLogin(deps, user.id, await firstTenantOf(deps, user.id), 'auth.login_failed', meta);
  };
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await failed();
    throw new AppError('UNAUTHENTICATED', BAD_CREDENTIALS);
  }
  if (user.totpEnabled) {
    if (!input.totp)
      throw new AppError('UNAUTHENTICATED', 'Enter the code from your authenticator app', {
        details: { reason: TOTP_REQUIRED },
      });
    if (!(await checkSecondFactor(deps, user, input.totp))) {
      await failed();
      throw new AppError('UNAUTHENTICATED', 'That code is not valid. Try the current one.', {
        details: { reason: TOTP_REQUIRED },
      });
    }
  }
  const memberships = (
    await withUser(deps.database, user.id, (tx) => listOwnMemberships(tx, user.id))
  ).filter((m) => m.status === 'active');
  const tenantId = (input.tenantId ? memberships.find((m) => m.tenantId === input.tenantId) : memberships[0])
    ?.tenantId;
  if (!tenantId) {
    throw new AppError(
      'FORBIDDEN',
      input.tenantId
        ? 'You are not an active member of that company'
        : 'Your account has no active company membership',
    );
  }
  await throttle.succeeded();
  await clearFailures(deps, user.id);
  await auditLogin(deps, user.id, tenantId, 'auth.login', meta);
  if (user.totpEnabled && input.totp && isRecoveryCode(input.totp))
    await auditLogin(deps, user.id, tenantId, 'auth.recovery_code_used', meta);
  return { user, tenantId };
};
