import type { Onboarding, OnboardingUpdateInput } from '@tessera/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { registeredOnboardingSteps } from '../../../platform/onboarding/index.ts';
import { inTenant } from '../../../platform/records/index.ts';
import { featuresOff } from '../feature-flags/feature-flags.service.ts';
import { onboardingDismissals } from '../tables.ts';

const isDismissed = async (tx: Tx, ctx: AuthedContext) => {
  if (!ctx.userId) return false;
  const [row] = await tx
    .select({ at: onboardingDismissals.dismissedAt })
    .from(onboardingDismissals)
    .where(and(eq(onboardingDismissals.tenantId, ctx.tenantId), eq(onboardingDismissals.userId, ctx.userId)));
  return Boolean(row);
};

const readOnboarding = async (tx: Tx, ctx: AuthedContext): Promise<Onboarding> => {
  const off = await featuresOff(tx, ctx.tenantId, ctx.userId);
  const steps = registeredOnboardingSteps().filter(
    (s) => ctx.auth.permissions.has(s.permission) && !(s.feature && off.has(s.feature as never)),
  );
  let done: Record<string, boolean> = {};
  if (steps.length > 0) {
    // One read for every step's check: `select (<check 0>) as s0, (<check 1>) as s1, …`.
    const checks = sql.join(
      steps.map((s, i) => sql`coalesce((${s.done(ctx.tenantId)}), false) as ${sql.identifier(`s${i}`)}`),
      sql`, `,
    );
    const result = (await tx.execute(sql`select ${checks}`)) as unknown as {
      rows: Record<string, unknown>[];
    };
    const row = result.rows[0] ?? {};
    done = Object.fromEntries(steps.map((s, i) => [s.id, row[`s${i}`] === true]));
  }
  return {
    steps: steps.map((s) => ({
      id: s.id,
      label: s.label,
      description: s.description,
      href: s.href,
      done: done[s.id] ?? false,
    })),
    dismissed: await isDismissed(tx, ctx),
  };
};

/** The first-run checklist: the registered steps the caller may do, each with whether it is done. */
export const getOnboarding = (ctx: AuthedContext) => inTenant(ctx, (tx) => readOnboarding(tx, ctx));

/** Hides the checklist for the caller (or shows it again). Needs a member: an API key has no one to hide it for. */
export const updateOnboarding = (ctx: AuthedContext, input: OnboardingUpdateInput) =>
  inTenant(ctx, async (tx) => {
    const userId = ctx.userId;
    if (!userId) throw new AppError('FORBIDDEN', 'Only a signed-in member can hide the checklist');
    if (input.dismissed)
      await tx.insert(onboardingDismissals).values({ tenantId: ctx.tenantId, userId }).onConflictDoNothing();
    else
      await tx
        .delete(onboardingDismissals)
        .where(and(eq(onboardingDismissals.tenantId, ctx.tenantId), eq(onboardingDismissals.userId, userId)));
    return readOnboarding(tx, ctx);
  });
