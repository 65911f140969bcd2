import type { SchedulingSettings, schedulingSettingsInput } from '@tessera/contracts';
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { schedulingSettings } from './settings.tables.ts';

const DEFAULTS: SchedulingSettings = { strategy: 'load_balanced', version: 1 };

/** The tenant's settings (defaults until first changed). */
export const settingsIn = async (t: Tx, tenantId: string): Promise<SchedulingSettings> => {
  const [row] = await t.select().from(schedulingSettings).where(eq(schedulingSettings.tenantId, tenantId));
  return row ? { strategy: row.strategy, version: row.version } : DEFAULTS;
};

export const getSettings = (ctx: AuthedContext) => kit.inTenant(ctx, (t) => settingsIn(t, ctx.tenantId));

/** Changes the booking strategy (`version` → 409 when stale); audited `scheduling_settings.updated`. */
export const updateSettings = (ctx: AuthedContext, input: z.output<typeof schedulingSettingsInput>) =>
  kit.inTenant(ctx, async (t) => {
    const [current] = await t
      .select()
      .from(schedulingSettings)
      .where(eq(schedulingSettings.tenantId, ctx.tenantId))
      .for('update');
    const before = current ? { strategy: current.strategy, version: current.version } : DEFAULTS;
    if (input.version !== undefined && input.version !== before.version)
      throw kit.conflict('Scheduling settings', before);
    const [row] = await t
      .insert(schedulingSettings)
      .values({ tenantId: ctx.tenantId, strategy: input.strategy, version: before.version + 1 })
      .onConflictDoUpdate({
        target: schedulingSettings.tenantId,
        set: {
          strategy: input.strategy,
          version: sql`${schedulingSettings.version} + 1`,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    if (!row) throw new Error('settings upsert returned nothing');
    await writeAudit(t, ctx, {
      action: 'scheduling_settings.updated',
      targetType: 'scheduling_settings',
      targetId: ctx.tenantId,
      changes: { strategy: { from: before.strategy, to: row.strategy } },
    });
    return { strategy: row.strategy, version: row.version };
  });
