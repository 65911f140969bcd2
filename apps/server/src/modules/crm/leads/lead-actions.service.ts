import {
  type BulkResult,
  LEAD_TRANSITIONS,
  type Lead,
  type LeadBulkInput,
  type LeadStatus,
} from '@tessera/contracts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { leadChanged } from '../crm-events.ts';
import { type LeadRow, leadDef, toLead } from './lead-record.ts';

const invalidTransition = (from: LeadStatus, to: LeadStatus) =>
  new AppError('CONFLICT', `A lead cannot go from ${from} to ${to}`, {
    details: { from, to, allowed: LEAD_TRANSITIONS[from] },
  });

/** Moves a lead along new → in_progress → qualified → won / lost (see LEAD_TRANSITIONS). */
const changeStatusIn = async (
  t: Tx,
  ctx: AuthedContext,
  id: string,
  status: LeadStatus,
  reason: string | undefined,
  version?: number,
) => {
  const lead = await kit.findRecord<LeadRow>(t, ctx, leadDef, id, true);
  if (lead.status === status) return lead;
  if (!LEAD_TRANSITIONS[lead.status].includes(status)) throw invalidTransition(lead.status, status);
  if (status === 'won' && !lead.convertedAt)
    throw new AppError('CONFLICT', 'Convert the lead to mark it won');
  return (
    await kit
      .updateRecord<LeadRow>(t, ctx, leadDef, {
        id,
        version,
        patch: { status, statusReason: reason ?? null },
        toDto: (r) => toLead(ctx, r),
        action: 'status_changed',
      })
      .then(leadChanged(t, ctx))
  ).after;
};

/**
 * Moves a lead's status inside the caller's transaction (another module's use case, e.g. an appointment completed
 * as "qualified"): same rules, audit and events as the status action. Returns the lead as the caller sees it.
 */
export const changeLeadStatusIn = async (
  t: Tx,
  ctx: AuthedContext,
  input: { leadId: string; status: LeadStatus; reason?: string },
): Promise<Lead> => toLead(ctx, await changeStatusIn(t, ctx, input.leadId, input.status, input.reason));

const assignIn = async (t: Tx, ctx: AuthedContext, id: string, ownerId: string | null, version?: number) => {
  await kit.assertReferences(t, ctx, { ownerId });
  return (
    await kit
      .updateRecord<LeadRow>(t, ctx, leadDef, {
        id,
        version,
        patch: { ownerId },
        toDto: (r) => toLead(ctx, r),
        action: 'assigned',
      })
      .then(leadChanged(t, ctx))
  ).after;
};

export const changeLeadStatus = (
  ctx: AuthedContext,
  id: string,
  input: { status: LeadStatus; reason?: string; version?: number },
): Promise<Lead> =>
  kit.inTenant(ctx, async (t) =>
    toLead(ctx, await changeStatusIn(t, ctx, id, input.status, input.reason, input.version)),
  );

export const assignLead = (
  ctx: AuthedContext,
  id: string,
  input: { ownerId: string | null; version?: number },
): Promise<Lead> =>
  kit.inTenant(ctx, async (t) => toLead(ctx, await assignIn(t, ctx, id, input.ownerId, input.version)));

const perLead = (ctx: AuthedContext, input: LeadBulkInput) => async (t: Tx, id: string) => {
  switch (input.action) {
    case 'assign':
      return assignIn(t, ctx, id, input.ownerId);
    case 'status':
      return changeStatusIn(t, ctx, id, input.status, input.reason);
    case 'tag': {
      const lead = await kit.findRecord<LeadRow>(t, ctx, leadDef, id, true);
      const remove = new Set(input.remove ?? []);
      const tags = [...new Set([...lead.tags.filter((x) => !remove.has(x)), ...(input.add ?? [])])].slice(
        0,
        50,
      );
      return kit
        .updateRecord<LeadRow>(t, ctx, leadDef, {
          id,
          version: undefined,
          patch: { tags },
          toDto: (r) => toLead(ctx, r),
          action: 'tagged',
        })
        .then(leadChanged(t, ctx));
    }
    case 'archive':
    case 'restore':
      return kit.setArchived<LeadRow>(t, ctx, leadDef, {
        id,
        archived: input.action === 'archive',
        version: undefined,
        toDto: (r) => toLead(ctx, r),
      });
    case 'delete':
      return kit.deleteRecord(t, ctx, leadDef, id);
  }
};

/**
 * Applies one action to up to 500 leads. Each lead runs in its own savepoint: one failure (not found, out of
 * scope, invalid transition) is reported for that id and the others still apply. Permission for the action
 * is checked by the route (delete needs leads.delete).
 */
/** One action on many leads (route: `leads.update`; deleting or archiving also needs `leads.delete`). */
export const bulkLeads = (ctx: AuthedContext, input: LeadBulkInput): Promise<BulkResult> => {
  if (input.action === 'delete' || input.action === 'archive') kit.requirePermission(ctx, 'leads.delete');
  return bulkIn(ctx, input);
};

const bulkIn = (ctx: AuthedContext, input: LeadBulkInput): Promise<BulkResult> =>
  kit.inTenant(ctx, async (t) => {
    if (input.action === 'assign') await kit.assertReferences(t, ctx, { ownerId: input.ownerId });
    const apply = perLead(ctx, input);
    const results: BulkResult['results'] = [];
    for (const id of [...new Set(input.ids)]) {
      try {
        await t.transaction((sp) => apply(sp, id).then(() => undefined));
        results.push({ id, ok: true });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results.push({ id, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  });
