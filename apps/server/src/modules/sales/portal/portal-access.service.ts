import type { PortalAccess } from '@tessera/contracts';
import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import { isUniqueViolation, type Tx } from '../../../platform/db/index.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import type { SendJob } from '../../../platform/jobs/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { companies, contacts } from '../../crm/index.ts';
import { inviteWithSystemRole, users } from '../../identity/index.ts';
import { portalAccess } from './portal.tables.ts';

type Row = typeof portalAccess.$inferSelect;
export const CUSTOMER_ROLE_KEY = 'customer';

const toAccess = (r: Row, companyName: string): PortalAccess => ({
  id: r.id,
  email: r.email,
  userId: r.userId,
  companyId: r.companyId,
  companyName,
  createdAt: r.createdAt.toISOString(),
});

const companyNameOf = async (t: Tx, tenantId: string, companyId: string) =>
  (
    await t
      .select({ name: companies.name })
      .from(companies)
      .where(and(eq(companies.tenantId, tenantId), eq(companies.id, companyId)))
  )[0]?.name ?? '';

/**
 * The company the calling member sees in the portal, in the caller's transaction — from their access row, or
 * from the row of the e-mail they were invited with (then linked to them, so it survives an e-mail change).
 * Without one: 403. Every portal query filters by the company this returns.
 */
export const portalCompanyOf = async (t: Tx, ctx: AuthedContext): Promise<{ companyId: string }> => {
  const userId = ctx.userId;
  if (!userId) throw new AppError('FORBIDDEN', 'The customer portal is for members');
  const myEmail = t
    .select({ email: sql`lower(${users.email})` })
    .from(users)
    .where(eq(users.id, userId));
  const [row] = await t
    .select()
    .from(portalAccess)
    .where(
      and(
        eq(portalAccess.tenantId, ctx.tenantId),
        or(
          eq(portalAccess.userId, userId),
          and(isNull(portalAccess.userId), sql`${portalAccess.email} = (${myEmail})`),
        ),
      ),
    )
    .orderBy(sql`${portalAccess.userId} nulls last`)
    .limit(1);
  if (!row)
    throw new AppError('FORBIDDEN', 'You have no portal access here: ask the company to invite you again');
  if (!row.userId)
    await t
      .update(portalAccess)
      .set({ userId })
      .where(and(eq(portalAccess.tenantId, ctx.tenantId), eq(portalAccess.id, row.id)));
  return { companyId: row.companyId };
};

/** Staff: every portal access of the tenant, with the company's name. */
export const listPortalAccess = (ctx: AuthedContext) =>
  kit.inTenant(ctx, async (t) =>
    (
      await t
        .select({ row: portalAccess, companyName: companies.name })
        .from(portalAccess)
        .innerJoin(
          companies,
          and(eq(companies.tenantId, portalAccess.tenantId), eq(companies.id, portalAccess.companyId)),
        )
        .where(eq(portalAccess.tenantId, ctx.tenantId))
        .orderBy(asc(portalAccess.createdAt), asc(portalAccess.id))
        .limit(1000)
    ).map((r) => toAccess(r.row, r.companyName)),
  );

/** Inserts (or keeps, for the same company) the access of an e-mail; another company for it is a 409. */
const grantIn = async (
  t: Tx,
  ctx: AuthedContext,
  input: { email: string; companyId: string; userId: string | null },
): Promise<PortalAccess> => {
  await kit.assertReferences(t, ctx, { companyId: input.companyId });
  const [existing] = await t
    .select()
    .from(portalAccess)
    .where(and(eq(portalAccess.tenantId, ctx.tenantId), eq(portalAccess.email, input.email)));
  if (existing) {
    if (existing.companyId !== input.companyId)
      throw new AppError('CONFLICT', `${input.email} already has portal access to another company`);
    return toAccess(existing, await companyNameOf(t, ctx.tenantId, existing.companyId));
  }
  const [row] = await t
    .insert(portalAccess)
    .values({ id: newId(), tenantId: ctx.tenantId, ...input, createdBy: ctx.userId })
    .returning()
    .catch((err: unknown) => {
      if (
        isUniqueViolation(err, 'portal_access_email_key') ||
        isUniqueViolation(err, 'portal_access_user_key')
      )
        throw new AppError('CONFLICT', `${input.email} already has portal access`);
      throw err;
    });
  if (!row) throw new Error('portal access insert returned nothing');
  await writeAudit(t, ctx, {
    action: 'portal_access.created',
    targetType: 'portal_access',
    targetId: row.id,
    changes: { email: { from: null, to: row.email }, companyId: { from: null, to: row.companyId } },
  });
  return toAccess(row, await companyNameOf(t, ctx.tenantId, row.companyId));
};

/** Staff: an e-mail (a member, or someone invited with the customer role) sees this company in the portal. */
export const grantPortalAccess = (ctx: AuthedContext, input: { email: string; companyId: string }) =>
  kit.inTenant(ctx, (t) => grantIn(t, ctx, { ...input, userId: null }));

/** Staff: ends a portal access (the member stays; without access the portal answers 403). */
export const revokePortalAccess = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, async (t) => {
    const [row] = await t
      .delete(portalAccess)
      .where(and(eq(portalAccess.tenantId, ctx.tenantId), eq(portalAccess.id, id)))
      .returning();
    if (!row) throw notFound('Portal access');
    await writeAudit(t, ctx, {
      action: 'portal_access.deleted',
      targetType: 'portal_access',
      targetId: id,
      changes: { email: { from: row.email, to: null }, companyId: { from: row.companyId, to: null } },
    });
  });

/**
 * "Invite to portal" on a contact: in one transaction the contact's e-mail is invited with the customer role
 * (identity's invitation: mail, audit, `member.invited`; nothing is sent when it already is a member) and
 * linked to the contact's company.
 */
export const inviteContactToPortal = (
  ctx: AuthedContext,
  deps: { appUrl: string; sendJob?: SendJob },
  contactId: string,
) =>
  kit.inTenant(ctx, async (t) => {
    kit.requirePermission(ctx, 'contacts.view');
    const [contact] = await t
      .select({ email: contacts.email, companyId: contacts.companyId })
      .from(contacts)
      .where(
        and(eq(contacts.tenantId, ctx.tenantId), eq(contacts.id, contactId), isNull(contacts.archivedAt)),
      );
    if (!contact) throw notFound('Contact', 'body.contactId');
    const email = contact.email?.trim().toLowerCase();
    if (!email)
      throw new AppError('VALIDATION_ERROR', 'This contact has no e-mail address to invite', {
        details: [{ path: 'body.contactId', message: 'The contact needs an e-mail address' }],
      });
    if (!contact.companyId)
      throw new AppError('VALIDATION_ERROR', 'This contact belongs to no company: link one first', {
        details: [{ path: 'body.contactId', message: 'The contact needs a company' }],
      });
    const invite = await inviteWithSystemRole(t, ctx, { email, roleKey: CUSTOMER_ROLE_KEY }, deps);
    const access = await grantIn(t, ctx, { email, companyId: contact.companyId, userId: invite.userId });
    return { access, invited: invite.invited };
  });
