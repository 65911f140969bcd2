import type { Lead } from '@tessera/contracts';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { inTenant, scopeWhere, updateRecord } from '../../../platform/records/index.ts';
import { activities } from '../activities/activities.tables.ts';
import { deals } from '../deals/deals.tables.ts';
import { tasks } from '../tasks/tasks.tables.ts';
import { type LeadRow, leadColumns, leadDef, toLead } from './lead-record.ts';
import { leads } from './leads.tables.ts';

const KEYS = { email: leads.email, phone: leads.phoneDigits, name: leads.nameKey } as const;
const GROUP_LIMIT = 50;

/**
 * Groups of active leads sharing an e-mail, a phone number (digits only) or a normalised full name, within
 * the caller's scope. Each group lists its leads, oldest first.
 */
export const findDuplicateLeads = (ctx: AuthedContext) =>
  inTenant(ctx, async (tx) => {
    const base = and(eq(leads.tenantId, ctx.tenantId), isNull(leads.archivedAt), scopeWhere(ctx, leadDef));
    const groups: { reason: keyof typeof KEYS; value: string; leads: Lead[] }[] = [];
    for (const [reason, column] of Object.entries(KEYS) as [keyof typeof KEYS, typeof leads.email][]) {
      const keys = await tx
        .select({ value: column })
        .from(leads)
        .where(and(base, sql`${column} is not null`))
        .groupBy(column)
        .having(sql`count(*) > 1`)
        .orderBy(column)
        .limit(GROUP_LIMIT);
      if (keys.length === 0) continue;
      const rows = (await tx
        .select({ ...leadColumns, dupKey: column })
        .from(leads)
        .where(
          and(
            base,
            inArray(
              column,
              keys.map((k) => k.value as string),
            ),
          ),
        )
        .orderBy(leads.createdAt)) as (LeadRow & { dupKey: string })[];
      for (const { value } of keys) {
        const members = rows.filter((r) => r.dupKey === value);
        if (members.length > 1)
          groups.push({
            reason,
            value: value as string,
            leads: members.slice(0, 20).map((r) => toLead(ctx, r)),
          });
      }
    }
    return groups;
  });

const FILLABLE = ['email', 'phone', 'companyName', 'source', 'vendorId', 'estimatedValueCents'] as const;

/**
 * Merges duplicates into a primary lead: empty fields of the primary are filled from the duplicates (oldest
 * first), tags are united, activities, tasks and deals move to the primary, and the duplicates are archived
 * with a note. One transaction; audited on every lead.
 */
export const mergeLeads = (
  ctx: AuthedContext,
  input: { primaryId: string; duplicateIds: string[] },
): Promise<Lead> =>
  inTenant(ctx, async (tx) => {
    const ids = [...new Set(input.duplicateIds)].filter((id) => id !== input.primaryId);
    if (ids.length === 0)
      throw new AppError('VALIDATION_ERROR', 'Give at least one duplicate other than the primary lead');
    const rows = (await tx
      .select()
      .from(leads)
      .where(
        and(
          eq(leads.tenantId, ctx.tenantId),
          inArray(leads.id, [input.primaryId, ...ids]),
          scopeWhere(ctx, leadDef),
        ),
      )
      .orderBy(leads.createdAt)
      .for('update')) as LeadRow[];
    const primary = rows.find((r) => r.id === input.primaryId);
    const dupes = rows.filter((r) => r.id !== input.primaryId);
    if (!primary || dupes.length !== ids.length)
      throw new AppError('NOT_FOUND', 'One or more leads were not found');
    const patch: Record<string, unknown> = {
      tags: [...new Set([primary, ...dupes].flatMap((r) => r.tags))].slice(0, 50),
    };
    for (const field of FILLABLE)
      if (primary[field] === null) patch[field] = dupes.find((d) => d[field] !== null)?.[field] ?? null;
    await tx
      .update(activities)
      .set({ leadId: primary.id })
      .where(and(eq(activities.tenantId, ctx.tenantId), inArray(activities.leadId, ids)));
    await tx
      .update(tasks)
      .set({ leadId: primary.id })
      .where(and(eq(tasks.tenantId, ctx.tenantId), inArray(tasks.leadId, ids)));
    await tx
      .update(deals)
      .set({ leadId: primary.id })
      .where(and(eq(deals.tenantId, ctx.tenantId), inArray(deals.leadId, ids)));
    for (const d of dupes) {
      await updateRecord<LeadRow>(tx, ctx, leadDef, {
        id: d.id,
        version: undefined,
        patch: { archivedAt: new Date(), statusReason: `Merged into ${primary.id}` },
        toDto: (r) => toLead(ctx, r),
        action: 'merged_away',
      });
    }
    const { after } = await updateRecord<LeadRow>(tx, ctx, leadDef, {
      id: primary.id,
      version: undefined,
      patch,
      toDto: (r) => toLead(ctx, r),
      action: 'merged',
    });
    await writeAudit(tx, ctx, {
      action: 'lead.merge',
      targetType: 'lead',
      targetId: primary.id,
      changes: { merged: { from: null, to: ids } },
    });
    return toLead(ctx, after);
  });
