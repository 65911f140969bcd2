import type { Invitation } from '@tessera/contracts';
import { and, desc, eq, gt, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import { randomToken, sha256 } from '../../../platform/auth/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { queueMail, SEND_MAIL_JOB } from '../../../platform/mail/index.ts';
import { inTenant } from '../../../platform/records/index.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { assertCanAssignRole, type Grantor } from '../members/access-rules.ts';
import { grantorOf } from '../members/grantor.ts';
import { invitations, memberships, roles, tenants, users } from '../tables.ts';

export const INVITATION_TTL_DAYS = 7;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `<tenant id>.<secret>`: the tenant part routes the lookup (RLS); only the secret's hash is stored. */
export const parseInvitationToken = (token: string) => {
  const [tenantId, secret] = token.split('.');
  return tenantId && secret && UUID.test(tenantId) && secret.length >= 20
    ? { tenantId, tokenHash: sha256(secret) }
    : undefined;
};

const statusOf = (row: typeof invitations.$inferSelect): Invitation['status'] =>
  row.status === 'pending' && row.expiresAt.getTime() < Date.now() ? 'expired' : row.status;

const toInvitation = (row: typeof invitations.$inferSelect, roleName: string): Invitation => ({
  id: row.id,
  email: row.email,
  roleId: row.roleId,
  roleName,
  status: statusOf(row),
  expiresAt: row.expiresAt.toISOString(),
  createdAt: row.createdAt.toISOString(),
});

/** What sending an invitation needs: the app's URL for the link, the job queue for the mail. */
export type InviteDeps = Pick<IdentityDeps, 'sendJob'> & { auth: Pick<IdentityDeps['auth'], 'appUrl'> };

/**
 * Invites an e-mail address with a role inside `tx` (shared by single invitations and CSV import).
 * Re-inviting replaces the pending invitation. Returns the invitation and the mail to deliver after commit.
 */
export const inviteInTx = async (
  tx: Tx,
  deps: InviteDeps,
  ctx: AuthedContext,
  { grantor, email, roleId }: { grantor: Grantor; email: string; roleId: string },
) => {
  const [role] = await tx
    .select()
    .from(roles)
    .where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.id, roleId)));
  if (!role) throw notFound('Role');
  assertCanAssignRole(grantor, role);
  const [already] = await tx
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(users.email, email)));
  if (already) throw new AppError('CONFLICT', `${email} is already a member`);
  await tx
    .update(invitations)
    .set({ status: 'revoked' })
    .where(
      and(
        eq(invitations.tenantId, ctx.tenantId),
        eq(invitations.email, email),
        eq(invitations.status, 'pending'),
      ),
    );
  const secret = randomToken(32);
  const [row] = await tx
    .insert(invitations)
    .values({
      tenantId: ctx.tenantId,
      email,
      roleId,
      tokenHash: sha256(secret),
      invitedBy: ctx.userId,
      expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 86_400_000),
    })
    .returning();
  if (!row) throw new Error('invitation insert returned nothing');
  await emit(tx, ctx, 'member.invited', { invitationId: row.id, roleId });
  const [tenant] = await tx.select({ name: tenants.name }).from(tenants).where(eq(tenants.id, ctx.tenantId));
  const mailId = await queueMail(tx, {
    to: email,
    tenantRef: ctx.tenantId,
    subject: `You are invited to ${tenant?.name ?? 'a company'} on Tessera`,
    text: `Hello,\n\nYou have been invited to join ${tenant?.name ?? 'a company'} on Tessera as ${role.name}.\nAccept within ${INVITATION_TTL_DAYS} days:\n${deps.auth.appUrl}/invite?token=${ctx.tenantId}.${secret}\n`,
  });
  ctx.afterCommit(async () => deps.sendJob?.(SEND_MAIL_JOB, { id: mailId }));
  await writeAudit(tx, ctx, {
    action: 'invitation.created',
    targetType: 'invitation',
    targetId: row.id,
    changes: { email: { from: null, to: email }, role: { from: null, to: role.name } },
  });
  return toInvitation(row, role.name);
};

export const createInvitation = (
  deps: IdentityDeps,
  ctx: AuthedContext,
  input: { email: string; roleId: string },
) =>
  inTenant(ctx, async (tx) =>
    inviteInTx(tx, deps, ctx, {
      grantor: await grantorOf(tx, ctx),
      email: input.email,
      roleId: input.roleId,
    }),
  );

export const listInvitations = (ctx: AuthedContext): Promise<Invitation[]> =>
  inTenant(ctx, async (tx) =>
    (
      await tx
        .select({ row: invitations, roleName: roles.name })
        .from(invitations)
        .innerJoin(roles, eq(roles.id, invitations.roleId))
        .where(
          and(
            eq(invitations.tenantId, ctx.tenantId),
            gt(invitations.createdAt, sql`now() - interval '90 days'`),
          ),
        )
        .orderBy(desc(invitations.createdAt))
        .limit(500)
    ).map((r) => toInvitation(r.row, r.roleName)),
  );

export const revokeInvitation = (ctx: AuthedContext, id: string) =>
  inTenant(ctx, async (tx) => {
    const [row] = await tx
      .update(invitations)
      .set({ status: 'revoked' })
      .where(
        and(
          eq(invitations.tenantId, ctx.tenantId),
          eq(invitations.id, id),
          eq(invitations.status, 'pending'),
        ),
      )
      .returning();
    if (!row) throw notFound('Pending invitation');
    await writeAudit(tx, ctx, {
      action: 'invitation.revoked',
      targetType: 'invitation',
      targetId: id,
      changes: { email: { from: row.email, to: null } },
    });
  });

/**
 * For other modules (the sales module's customer portal): in the caller's transaction, invites `email` with the
 * tenant's system role `roleKey` — unless the e-mail already is a member: then nothing is sent and their user id
 * is returned. The same checks as an invitation (no escalation: the caller must hold the role's permissions).
 */
export const inviteWithSystemRole = async (
  tx: Tx,
  ctx: AuthedContext,
  input: { email: string; roleKey: string },
  deps: { appUrl: string; sendJob?: IdentityDeps['sendJob'] },
): Promise<{ userId: string | null; invited: boolean }> => {
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.tenantId, ctx.tenantId), eq(users.email, input.email)));
  if (member) return { userId: member.userId, invited: false };
  const [role] = await tx
    .select({ id: roles.id })
    .from(roles)
    .where(and(eq(roles.tenantId, ctx.tenantId), eq(roles.key, input.roleKey), eq(roles.isSystem, true)));
  if (!role) throw notFound('Role');
  await inviteInTx(tx, { sendJob: deps.sendJob, auth: { appUrl: deps.appUrl } }, ctx, {
    grantor: await grantorOf(tx, ctx),
    email: input.email,
    roleId: role.id,
  });
  return { userId: null, invited: true };
};
