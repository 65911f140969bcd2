import { OWNER_ROLE_KEY, type SignupInput } from '@tessera/contracts';
import { eq } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import { hashPassword, randomToken } from '../../../platform/auth/index.ts';
import { enterScope } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { seedSystemRoles } from '../roles/role-seeding.ts';
import { memberships, tenants, users } from '../tables.ts';
import type { ClientMeta } from './session-tokens.ts';

const slugify = (name: string) =>
  `${
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'company'
  }-${randomToken(4)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '0')
    .slice(0, 5)}`;

export const assertPasswordNotEmail = (password: string, email: string) => {
  if (password.trim().toLowerCase() === email.trim().toLowerCase()) {
    throw new AppError('VALIDATION_ERROR', 'The password must not be your e-mail address', {
      details: [{ path: 'body.password', message: 'Must not be your e-mail address' }],
    });
  }
};

/**
 * Creates a company with the system roles, its first user as owner, and whatever other modules set up for a
 * new tenant — all in one transaction.
 */
export const signup = async (
  deps: IdentityDeps,
  input: { tenantName: string; name: string; email: string; password: string },
  meta: ClientMeta & { requestId: string },
): Promise<{ userId: string; tenantId: string }> => {
  assertPasswordNotEmail(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  return deps.database.db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing)
      throw new AppError('CONFLICT', 'An account with this e-mail already exists. Sign in instead.');
    const [tenant] = await tx
      .insert(tenants)
      .values({ name: input.tenantName, slug: slugify(input.tenantName) })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .returning();
    if (!tenant || !user) throw new Error('sign-up insert returned nothing');
    await enterScope(tx, { tenantId: tenant.id, userId: user.id });
    const systemRoles = await seedSystemRoles(tx, tenant.id);
    const owner = systemRoles.get(OWNER_ROLE_KEY);
    if (!owner) throw new Error('owner role template missing');
    await tx.insert(memberships).values({ tenantId: tenant.id, userId: user.id, roleId: owner.id });
    for (const init of deps.onTenantCreated) await init(tx, tenant.id);
    const actor = {
      tenantId: tenant.id,
      userId: user.id,
      ip: meta.ip,
      userAgent: meta.userAgent,
      requestId: meta.requestId,
    };
    await writeAudit(tx, actor, {
      action: 'tenant.created',
      targetType: 'tenant',
      targetId: tenant.id,
      changes: { name: { from: null, to: tenant.name } },
    });
    await writeAudit(tx, actor, {
      action: 'auth.signup',
      targetType: 'user',
      targetId: user.id,
      changes: { email: { from: null, to: user.email } },
    });
    return { userId: user.id, tenantId: tenant.id };
  });
};

export type { SignupInput };
