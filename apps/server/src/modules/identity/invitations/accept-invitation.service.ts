import { TOTP_REQUIRED } from '@tessera/contracts';
import { and, eq, gt } from 'drizzle-orm';
import type { Principal } from '../../../platform/access/index.ts';
import { writeAudit } from '../../../platform/audit/index.ts';
import { hashPassword, verifyPassword } from '../../../platform/auth/index.ts';
import { enterScope, withTenant } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { assertNotLocked, checkTotp, recordFailure } from '../auth/login.service.ts';
import type { ClientMeta } from '../auth/session-tokens.ts';
import { assertPasswordNotEmail } from '../auth/signup.service.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { invitations, memberships, roles, tenants, users } from '../tables.ts';
import { parseInvitationToken } from './invitations.service.ts';

const invalid = () =>
  new AppError(
    'VALIDATION_ERROR',
    'This invitation is invalid, was revoked or has expired. Ask for a new one.',
  );

const pendingInvitation = async (deps: IdentityDeps, token: string) => {
  const parsed = parseInvitationToken(token);
  if (!parsed) throw invalid();
  const found = await withTenant(deps.database, parsed.tenantId, async (tx) => {
    const [row] = await tx
      .select({ invitation: invitations, roleName: roles.name, tenantName: tenants.name })
      .from(invitations)
      .innerJoin(roles, eq(roles.id, invitations.roleId))
      .innerJoin(tenants, eq(tenants.id, invitations.tenantId))
      .where(
        and(
          eq(invitations.tokenHash, parsed.tokenHash),
          eq(invitations.status, 'pending'),
          gt(invitations.expiresAt, new Date()),
        ),
      );
    return row;
  });
  if (!found) throw invalid();
  return found;
};

/** What the accept page shows before the user decides. */
export const lookupInvitation = async (deps: IdentityDeps, token: string) => {
  const { invitation, roleName, tenantName } = await pendingInvitation(deps, token);
  const [existing] = await deps.database.db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, invitation.email));
  return { email: invitation.email, tenantName, roleName, existingUser: Boolean(existing) };
};

/**
 * Accepts an invitation: a new person gives name + password; an existing user is either signed in as that
 * e-mail or gives their password. Creates the membership and returns who to start a session for.
 */
export const acceptInvitation = async (
  deps: IdentityDeps,
  {
    input,
    caller,
    meta,
  }: {
    input: { token: string; name?: string; password?: string; totp?: string };
    /** The signed-in caller, if any (an existing user must accept while signed in as themselves). */
    caller: Principal | undefined;
    meta: ClientMeta & { requestId: string };
  },
): Promise<{ userId: string; tenantId: string }> => {
  const { invitation } = await pendingInvitation(deps, input.token);
  const [existing] = await deps.database.db.select().from(users).where(eq(users.email, invitation.email));
  if (existing && caller?.userId !== existing.id) {
    // Not signed in as that account: the same checks as a sign-in (lockout, password, second factor).
    assertNotLocked(existing);
    if (!input.password || !(await verifyPassword(existing.passwordHash, input.password))) {
      if (input.password) await recordFailure(deps, existing.id);
      throw new AppError(
        'UNAUTHENTICATED',
        `Sign in as ${invitation.email} or enter that account's password to accept`,
      );
    }
    if (existing.totpEnabled) {
      if (!input.totp)
        throw new AppError('UNAUTHENTICATED', 'Enter the code from your authenticator app', {
          details: { reason: TOTP_REQUIRED },
        });
      if (!(await checkTotp(deps, existing, input.totp))) {
        await recordFailure(deps, existing.id);
        throw new AppError('UNAUTHENTICATED', 'That code is not valid. Try the current one.', {
          details: { reason: TOTP_REQUIRED },
        });
      }
    }
  } else if (!existing) {
    if (!input.name || !input.password) {
      throw new AppError('VALIDATION_ERROR', 'Your name and a password are needed to create your account', {
        details: [
          ...(input.name ? [] : [{ path: 'body.name', message: 'Required' }]),
          ...(input.password ? [] : [{ path: 'body.password', message: 'Required' }]),
        ],
      });
    }
    assertPasswordNotEmail(input.password, invitation.email);
  }
  const passwordHash = existing ? undefined : await hashPassword(input.password as string);
  return deps.database.db.transaction(async (tx) => {
    const [user] = existing
      ? [existing]
      : await tx
          .insert(users)
          .values({
            email: invitation.email,
            name: input.name as string,
            passwordHash: passwordHash as string,
          })
          .returning();
    if (!user) throw new Error('user insert returned nothing');
    await enterScope(tx, { tenantId: invitation.tenantId, userId: user.id });
    const [claimed] = await tx
      .update(invitations)
      .set({ status: 'accepted', acceptedAt: new Date() })
      .where(
        and(
          eq(invitations.tenantId, invitation.tenantId),
          eq(invitations.id, invitation.id),
          eq(invitations.status, 'pending'),
        ),
      )
      .returning();
    if (!claimed) throw invalid();
    const [membership] = await tx
      .insert(memberships)
      .values({ tenantId: invitation.tenantId, userId: user.id, roleId: invitation.roleId })
      .onConflictDoNothing()
      .returning();
    if (!membership) throw new AppError('CONFLICT', 'You are already a member of this company');
    await emit(
      tx,
      { tenantId: invitation.tenantId, userId: user.id, requestId: meta.requestId },
      'member.joined',
      { membershipId: membership.id, userId: user.id, roleId: membership.roleId },
    );
    await writeAudit(
      tx,
      {
        tenantId: invitation.tenantId,
        userId: user.id,
        ip: meta.ip,
        userAgent: meta.userAgent,
        requestId: meta.requestId,
      },
      {
        action: 'member.joined',
        targetType: 'member',
        targetId: membership.id,
        changes: { email: { from: null, to: user.email } },
      },
    );
    return { userId: user.id, tenantId: invitation.tenantId };
  });
};
