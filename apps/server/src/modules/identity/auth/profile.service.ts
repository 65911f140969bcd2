import type { profileUpdateInput } from '@tessera/contracts';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { diffChanges, writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { inTenant } from '../../../platform/records/index.ts';
import { users } from '../tables.ts';
import { toUser } from './auth-view.ts';

/** Changes the signed-in user's name, with an audit row (API keys have no profile). */
export const updateProfile = async (ctx: AuthedContext, input: z.output<typeof profileUpdateInput>) => {
  const userId = ctx.auth.userId;
  if (!userId || ctx.auth.kind !== 'session')
    throw new AppError('FORBIDDEN', 'Only a signed-in user has a profile');
  const user = await inTenant(ctx, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, userId));
    const [after] = await tx.update(users).set({ name: input.name }).where(eq(users.id, userId)).returning();
    if (!before || !after) throw notFound('User');
    await writeAudit(tx, ctx, {
      action: 'user.updated',
      targetType: 'user',
      targetId: userId,
      changes: diffChanges(before, after, ['name']),
    });
    return after;
  });
  return toUser(user);
};
