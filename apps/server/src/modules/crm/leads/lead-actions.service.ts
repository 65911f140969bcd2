import { LEAD_TRANSITIONS, type Lead, type LeadStatus } from '@tessera/contracts';
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

/** Moves a lead along new → in_progress → qualified → won / lost (see LEAD_TRANSITIONS); also per bulk id. */
export const changeStatusIn = async (
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
